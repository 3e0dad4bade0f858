package io.tributary.testkit.shopify;

import okhttp3.Headers;

/** A request the fake shop received: its path, the GraphQL operation name ("" for none), headers and body. */
public record ShopifyRequest(String method, String path, String operation, Headers headers, String body,
        java.util.Map<String, String> variables) {

    /** The access token it carried, or null. */
    public String accessToken() {
        return headers.get("X-Shopify-Access-Token");
    }
}
