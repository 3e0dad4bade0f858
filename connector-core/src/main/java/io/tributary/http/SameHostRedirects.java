package io.tributary.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lets a redirect through only to the host the request was sent to (http to https on the same host is fine). A
 * shop that answers with another host would receive what the request carries — an {@code Authorization} header,
 * or credentials in the query string (WooCommerce's query mode, OAuth 1.0a signatures), which OkHttp does not strip
 * — so the request stops there instead, and says where the shop pointed. A network interceptor: it sees every
 * request actually sent, follow-ups included, and compares each with the call's own first request.
 */
final class SameHostRedirects implements Interceptor {
    /** The request was redirected to another host; nothing was sent there. */
    static final class CrossHostRedirectException extends IOException {
        CrossHostRedirectException(HttpUrl from, HttpUrl to) {
            super(from.host() + " redirected the request to another host, " + to.host() + "; Tributary does not send "
                    + "credentials to another host. If the shop moved there, use that address as the connection's "
                    + "URL.");
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl first = chain.call().request().url();
        HttpUrl now = chain.request().url();
        if (!now.host().equalsIgnoreCase(first.host())) {
            throw new CrossHostRedirectException(first, now);
        }
        return chain.proceed(chain.request());
    }
}
