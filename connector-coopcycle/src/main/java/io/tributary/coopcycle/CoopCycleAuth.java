package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the bearer token (an OAuth2 access token, or the {@code ak_} API key itself) on each authenticated request.
 * Requests tagged {@link Anonymous} go out as they are: the entry point needs no credentials, and the token request
 * carries its own Basic credentials.
 */
final class CoopCycleAuth implements Interceptor {
    /** Tag for requests that must carry no bearer token. */
    enum Anonymous { INSTANCE }

    private final CoopCycleTokens tokens;

    CoopCycleAuth(CoopCycleTokens tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(Anonymous.class) != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder()
                .header("Authorization", "Bearer " + tokens.current().reveal())
                .build());
    }
}
