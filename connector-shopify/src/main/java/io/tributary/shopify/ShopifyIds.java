package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;

/**
 * Record ids are kept as Shopify's global ids ({@code gid://shopify/Product/123}), whole: they are unique across
 * types (a product and a variant may share a number, never a GID), the API takes them back as they are, and the
 * numeric tail is Shopify's legacy REST id should anyone need it.
 */
final class ShopifyIds {
    private ShopifyIds() {}

    /** The GID in {@code id}, checked to be of {@code type}. */
    static String gid(JsonNode node, String type) {
        String id = node.path("id").asText("");
        if (!id.startsWith("gid://shopify/" + type + "/") || id.length() == ("gid://shopify/" + type + "/").length()) {
            throw new IllegalArgumentException("Shopify sent a " + type + " without a gid://shopify/" + type + "/ id: "
                    + Excerpt.of(node.toString(), 120));
        }
        return id;
    }
}
