package io.tributary.shopify;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The shop a connection talks to, at its permanent {@code *.myshopify.com} address: the only one Shopify's Admin
 * API answers at. {@code https://admin.shopify.com/store/<handle>} (the admin's address bar) becomes
 * {@code https://<handle>.myshopify.com}; a path after the host ({@code /admin}) is ignored; a custom domain is
 * refused with where to find the permanent address. A loopback address (a local proxy, the testkit's fake shop) is
 * taken as it is.
 */
record ShopifyShop(HttpUrl origin) {
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ADMIN_PATH = Pattern.compile("^/store/([^/]+)");

    /** Parses and normalizes a shop URL; throws with one readable sentence when it is not a shop's address. */
    static ShopifyShop of(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("admin.shopify.com")) {
            Matcher store = ADMIN_PATH.matcher(url.getPath() == null ? "" : url.getPath());
            if (!store.find()) {
                throw new IllegalArgumentException("'" + url + "' is Shopify's admin but names no shop: copy the "
                        + "address while in the shop's admin (https://admin.shopify.com/store/<handle>), or give "
                        + "https://<handle>.myshopify.com.");
            }
            return myshopify(store.group(1).toLowerCase(Locale.ROOT), url);
        }
        if (host.endsWith(".myshopify.com")) {
            return myshopify(host.substring(0, host.length() - ".myshopify.com".length()), url);
        }
        if (isLoopback(host)) {
            HttpUrl parsed = HttpUrl.get(url.toString());
            return new ShopifyShop(new HttpUrl.Builder().scheme(parsed.scheme()).host(parsed.host()).port(parsed.port())
                    .build());
        }
        throw new IllegalArgumentException("'" + host + "' is not a *.myshopify.com address: Shopify's Admin API "
                + "answers only at the shop's permanent address, never at a custom domain. Give "
                + "https://<handle>.myshopify.com (shown in the Shopify admin under Settings > Domains) or the "
                + "admin's address https://admin.shopify.com/store/<handle>.");
    }

    private static ShopifyShop myshopify(String handle, URI given) {
        if (!HANDLE.matcher(handle).matches()) {
            throw new IllegalArgumentException("'" + given + "' does not name a shop: a shop's handle is letters, "
                    + "digits and hyphens, as in https://my-shop.myshopify.com.");
        }
        return new ShopifyShop(new HttpUrl.Builder().scheme("https").host(handle + ".myshopify.com").build());
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** {@code /admin/api/{version}/graphql.json}. */
    HttpUrl graphQl(String version) {
        return origin.newBuilder().addPathSegments("admin/api").addPathSegment(version)
                .addPathSegment("graphql.json").build();
    }

    /** {@code /admin/oauth/access_token}, where the client credentials grant mints tokens. */
    HttpUrl tokenEndpoint() {
        return origin.newBuilder().addPathSegments("admin/oauth/access_token").build();
    }

    /** {@code https://handle.myshopify.com}, for messages. */
    String display() {
        String text = origin.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
