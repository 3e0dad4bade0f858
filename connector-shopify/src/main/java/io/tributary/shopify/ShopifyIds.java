package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.Json;

/**
 * Record ids are kept as Shopify's global ids ({@code gid://shopify/Product/123}), whole: they are unique across
 * types (a product and a variant may share a number, never a GID), the API takes them back as they are, and the
 * numeric tail is Shopify's legacy REST id should anyone need it.
 */
final class ShopifyIds {
    private ShopifyIds() {}

    /** The GID in {@code id}, checked to be of {@code type}; refuses the record naming it as best it can. */
    static String gid(JsonNode node, String type) {
        String id = readable(node, type);
        if (id == null) {
            throw new IllegalArgumentException(withoutId(node, type, null));
        }
        return id;
    }

    /** The GID in {@code id} if it is one of {@code type}, else null. */
    static String readable(JsonNode node, String type) {
        String prefix = "gid://shopify/" + type + "/";
        String id = node.path("id").isTextual() ? node.path("id").asText() : "";
        return id.startsWith(prefix) && id.length() > prefix.length() ? id : null;
    }

    /**
     * The sentence for a record without a readable id, naming it by what a person would recognise (an order's
     * name, a product's title and handle, a SKU) and, in a bulk result, by the parent GID its children name.
     */
    static String withoutId(JsonNode node, String type, String namedByChildren) {
        StringBuilder label = new StringBuilder();
        for (String field : new String[] {"name", "title", "handle", "sku"}) {
            String value = node.isObject() ? Json.text(node, field) : null;
            if (value != null) {
                label.append(label.length() == 0 ? "" : ", ").append(field).append(" \"")
                        .append(Excerpt.of(value, 60)).append('"');
            }
        }
        if (namedByChildren != null) {
            label.append(label.length() == 0 ? "" : "; ").append("the lines after it name it ")
                    .append(Excerpt.of(namedByChildren, 80));
        }
        String noun = switch (type) {
            case "Order" -> "an order";
            case "ProductVariant" -> "a variant";
            case "LineItem" -> "a line item";
            default -> "a " + type.toLowerCase(java.util.Locale.ROOT);
        };
        return "Shopify sent " + noun + " without a gid://shopify/" + type + "/ id"
                + (label.length() == 0 ? "" : " (" + label + ")") + ": " + Excerpt.of(node.toString(), 120);
    }
}
