package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.Secret;
import java.io.IOException;
import java.time.Clock;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the connection's credentials on each request: an OAuth 1.0a signature over the final URL, the
 * integration's access token as a bearer token, or the current admin token (which {@link MagentoClient} makes
 * sure exists first). The admin sign-in request itself, tagged {@link MagentoAdminTokens.SignIn}, goes out bare.
 */
final class MagentoAuthInterceptor implements Interceptor {
    private final MagentoCredentials credentials;
    private final MagentoAdminTokens tokens;
    private final MagentoOAuthSigner signer = new MagentoOAuthSigner(MagentoOAuthSigner.Method.HMAC_SHA256);
    private final Clock clock;

    MagentoAuthInterceptor(MagentoCredentials credentials, MagentoAdminTokens tokens, Clock clock) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.tokens = tokens;
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(MagentoAdminTokens.SignIn.class) != null) {
            return chain.proceed(request);
        }
        String authorization;
        if (credentials instanceof MagentoCredentials.Integration keys) {
            authorization = signer.authorization(request.method(), request.url(), keys, clock.instant().getEpochSecond());
        } else if (credentials instanceof MagentoCredentials.Bearer bearer) {
            authorization = "Bearer " + bearer.accessToken().reveal();
        } else {
            Secret token = tokens.usable();
            if (token == null) {
                throw new IllegalStateException("no admin token: sign in before sending " + request.method() + " "
                        + request.url().encodedPath());
            }
            authorization = "Bearer " + token.reveal();
        }
        return chain.proceed(request.newBuilder().header("Authorization", authorization).build());
    }
}
