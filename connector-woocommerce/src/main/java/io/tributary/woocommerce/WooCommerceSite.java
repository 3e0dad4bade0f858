package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A WooCommerce site's addresses, from the URL an admin pastes: the shop's address
 * ({@code https://shop.example}, also in a sub-directory) or its REST base
 * ({@code https://shop.example/wp-json/wc/v3}). The API lives at {@code <site>/wp-json/wc/v3/}.
 */
record WooCommerceSite(HttpUrl siteUrl, HttpUrl apiBase) {
    WooCommerceSite {
        requireNonNull(siteUrl, "siteUrl is null");
        requireNonNull(apiBase, "apiBase is null");
    }

    static WooCommerceSite of(URI given) {
        HttpUrl url = HttpUrl.get(given.toString());
        String path = url.encodedPath();
        int restPrefix = path.toLowerCase(Locale.ROOT).indexOf("/wp-json");
        String sitePath = restPrefix >= 0 ? path.substring(0, restPrefix) : path;
        if (!sitePath.endsWith("/")) {
            sitePath = sitePath + "/";
        }
        HttpUrl site = url.newBuilder().encodedPath(sitePath).query(null).fragment(null).build();
        HttpUrl api = site.newBuilder().addPathSegments("wp-json/wc/v3/").build();
        return new WooCommerceSite(site, api);
    }

    boolean https() {
        return siteUrl.isHttps();
    }

    /** {@code <api base>/<path>} with no query yet. */
    HttpUrl.Builder endpoint(String path) {
        return apiBase.newBuilder().addPathSegments(path);
    }

    /** The namespace index {@code <site>/wp-json/wc/v3}, which WooCommerce serves without authentication. */
    HttpUrl index() {
        return siteUrl.newBuilder().addPathSegments("wp-json/wc/v3").build();
    }
}
