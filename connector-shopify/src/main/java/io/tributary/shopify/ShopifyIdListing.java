package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.IdListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GIDs of every product and its variants, or of every order, for the reconciliation pass: the products connection with only ids
 * in the answer ({@code TributaryProductIds}), Shopify's own cursor from page to page (sorted by {@code UPDATED_AT}
 * as the sync reads: a product edited during the listing moves behind the cursor and is listed again, never
 * skipped), each page sized to the cost bucket. A product with more than {@value ShopifyQueries#NESTED_IDS}
 * variants gets the rest with a query of its own.
 *
 * <p>Orders are listed only for an app granted {@code read_all_orders} (the connector asks before it builds this
 * listing): without it Shopify shows an app only the last 60 days of orders, so an order missing from a listing is
 * not necessarily deleted.
 */
final class ShopifyIdListing implements IdListing {
    private static final int MOST = 80;
    private static final int FIXED_COST = 2;

    private final ShopifyClient client;
    private final boolean orders;
    private String after;
    private boolean done;

    /** @param orders true to list orders, false products with their variants */
    ShopifyIdListing(ShopifyClient client, boolean orders) {
        this.client = requireNonNull(client, "client is null");
        this.orders = orders;
    }

    @Override
    public Optional<List<String>> nextPage() {
        if (done) {
            return Optional.empty();
        }
        return orders ? nextOrders() : nextProducts();
    }

    private Optional<List<String>> nextOrders() {
        int first = client.throttle().pageSize(1, FIXED_COST, 250);
        ObjectNode vars = Json.mapper().createObjectNode().put("first", first).put("sortKey", "UPDATED_AT");
        vars.put("after", after);
        String what = "listing the ids of orders";
        JsonNode connection = client.data(ShopifyQueries.ORDER_IDS, vars, FIXED_COST + first, what).path("orders");
        if (!connection.path("nodes").isArray()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "Shopify's answer to " + what + " has no "
                    + "orders.nodes: this is not Shopify's Admin API.", 200, null);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode order : connection.path("nodes")) {
            ids.add(ShopifyIds.gid(order, "Order"));
        }
        return turnPage(connection, ids, "orders");
    }

    private Optional<List<String>> nextProducts() {
        int perNode = 1 + ShopifyQueries.NESTED_IDS;
        int first = client.throttle().pageSize(perNode, FIXED_COST, MOST);
        ObjectNode vars = Json.mapper().createObjectNode().put("first", first).put("sortKey", "UPDATED_AT")
                .put("variants", ShopifyQueries.NESTED_IDS);
        vars.put("after", after);
        String what = "listing the ids of products";
        JsonNode connection = client.data(ShopifyQueries.PRODUCT_IDS, vars, FIXED_COST + first * perNode, what)
                .path("products");
        if (!connection.path("nodes").isArray()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "Shopify's answer to " + what + " has no "
                    + "products.nodes: this is not Shopify's Admin API.", 200, null);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode product : connection.path("nodes")) {
            String id = ShopifyIds.gid(product, "Product");
            ids.add(id);
            for (JsonNode variant : ShopifyNested.all(client, product, id, true)) {
                ids.add(ShopifyIds.gid(variant, "ProductVariant"));
            }
        }
        return turnPage(connection, ids, "products");
    }

    private Optional<List<String>> turnPage(JsonNode connection, List<String> ids, String what) {
        JsonNode pageInfo = connection.path("pageInfo");
        done = !pageInfo.path("hasNextPage").asBoolean(false);
        after = pageInfo.path("endCursor").asText(null);
        if (!done && after == null) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, "Shopify said more " + what + " follow but sent no "
                    + "endCursor; listing on could skip some, so nothing was marked deleted.", 200, null);
        }
        return ids.isEmpty() && done ? Optional.empty() : Optional.of(ids);
    }
}
