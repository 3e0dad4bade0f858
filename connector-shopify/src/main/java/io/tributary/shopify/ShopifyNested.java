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
        List<JsonNode> children = new ArrayList<>();
        JsonNode connection = parent.path(field);
        connection.path("nodes").forEach(children::add);
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
}
