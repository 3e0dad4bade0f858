package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.util.ArrayList;
import java.util.List;

/** A product's variants or an order's line items: the first page that came nested, then the rest, 250 at a time. */
final class ShopifyNested {
    private static final int PAGE = 250;

    private ShopifyNested() {}

    static List<JsonNode> all(ShopifyClient client, JsonNode parent, String parentId, boolean products) {
        String field = products ? "variants" : "lineItems";
        List<JsonNode> children = first(parent, products);
        JsonNode connection = parent.path(field);
        while (connection.path("pageInfo").path("hasNextPage").asBoolean(false)) {
            ObjectNode vars = Json.mapper().createObjectNode().put("id", parentId).put("first", PAGE)
                    .put("after", connection.path("pageInfo").path("endCursor").asText(null));
            String what = "listing the " + (products ? "variants of " : "line items of ") + parentId;
            JsonNode data = client.data(products ? ShopifyQueries.PRODUCT_VARIANTS : ShopifyQueries.ORDER_LINES, vars,
                    2 + PAGE, what);
            connection = data.path(products ? "product" : "order").path(field);
            if (!connection.path("nodes").isArray()) {
                throw new ConnectorException(FailureKind.SERVER_ERROR, "Shopify answered " + what + " without them; "
                        + "it may have been deleted meanwhile, so the sync stops rather than store it incomplete.",
                        200, null);
            }
            connection.path("nodes").forEach(children::add);
        }
        return children;
    }

    /**
     * What a record set aside was sent as: the parent with its children, all of them, as one array in
     * {@code variants} or {@code lineItems} (however they came: nested pages, or lines of a bulk result).
     */
    static String withChildren(JsonNode parent, boolean products, List<JsonNode> children) {
        if (!parent.isObject()) {
            return parent.toString();
        }
        ObjectNode whole = parent.deepCopy();
        whole.set(products ? "variants" : "lineItems", Json.mapper().valueToTree(children));
        return whole.toString();
    }

    /** The variants or line items that came nested in the parent's node (its first page of them). */
    static List<JsonNode> first(JsonNode parent, boolean products) {
        List<JsonNode> children = new ArrayList<>();
        JsonNode nodes = parent.path(products ? "variants" : "lineItems").path("nodes");
        if (nodes.isArray()) {
            nodes.forEach(children::add);
        }
        return children;
    }
}
