package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.Secret;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the consumer key and secret on each authenticated request in the connection's mode. Requests tagged
 * {@link Anonymous} go out bare (the namespace index needs no credentials). The mode can switch from Basic to
 * query parameters once the connector has seen the server strip the Authorization header.
 */
final class WooCommerceAuth implements Interceptor {
    /** Tag for requests that must carry no credentials. */
    enum Anonymous { INSTANCE }

    private final Secret consumerKey;
    private final Secret consumerSecret;
    private final Clock clock;
    private final AtomicReference<WooCommerceAuthMode> mode;

    WooCommerceAuth(Secret consumerKey, Secret consumerSecret, WooCommerceAuthMode initial, Clock clock) {
        this.consumerKey = requireNonNull(consumerKey, "consumerKey is null");
        this.consumerSecret = requireNonNull(consumerSecret, "consumerSecret is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (initial == WooCommerceAuthMode.AUTO) {
            throw new IllegalArgumentException("resolve AUTO before creating the interceptor");
        }
        this.mode = new AtomicReference<>(initial);
    }

    WooCommerceAuthMode mode() {
        return mode.get();
    }

    void switchTo(WooCommerceAuthMode next) {
        mode.set(next);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(Anonymous.class) != null) {
            return chain.proceed(request);
        }
        Request signed = switch (mode.get()) {
            case BASIC -> request.newBuilder()
                    .header("Authorization", Credentials.basic(consumerKey.reveal(), consumerSecret.reveal()))
                    .build();
            case QUERY -> request.newBuilder().url(request.url().newBuilder()
                    .addQueryParameter("consumer_key", consumerKey.reveal())
                    .addQueryParameter("consumer_secret", consumerSecret.reveal())
                    .build()).build();
            case OAUTH1 -> request.newBuilder().url(WooCommerceOAuthSigner.sign(request.method(), request.url(),
                    consumerKey.reveal(), consumerSecret.reveal(), clock.instant().getEpochSecond())).build();
            case AUTO -> throw new IllegalStateException("AUTO is resolved at construction");
        };
        return chain.proceed(signed);
    }
}
