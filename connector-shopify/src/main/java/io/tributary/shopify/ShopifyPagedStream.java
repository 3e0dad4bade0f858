package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Quarantine;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads products (with variants) or orders (with line items) changed since a cursor, page by page: the search
 * {@code updated_at:>='T'} with T the cursor's second (Shopify keeps whole seconds), {@code sortKey: UPDATED_AT},
 * and Shopify's connection cursor from page to page. Shopify orders equal update times by id, and its cursor
 * encodes both, so a record edited during the read moves behind the pages still to come and is read again there.
 * Each page's cursor is its last record's (update time, id); the engine resumes from it minus the lookback and the
 * search includes the boundary second, so nothing is skipped. Records at or before a cursor that names an id are
 * dropped (a resume without lookback). A page in another order than asked stops the read.
 *
 * <p>A record the mappers refuse is set aside ({@link Quarantine}) and the rest of its page stored. One whose id or
 * {@code updatedAt} cannot be read cannot be placed: the page's cursor stays at the last record placed, and the
 * record is set aside whole (with the variants or lines that came nested in it: without its id the rest of them
 * cannot be asked for). A variant is set aside alone, its product and the other variants stored.
 *
 * <p>Page sizes follow the cost bucket: as many nodes as the points available allow (at most 250, and under the
 * 1,000-point query limit), with the cost per node learned from Shopify's {@code requestedQueryCost}. Products with
 * more than {@value ShopifyQueries#NESTED} variants and orders with more lines get the rest with queries of their own.
 */
final class ShopifyPagedStream implements RecordStream {
    static final int MOST = 250;
    private static final int FIXED_COST = 2;

    private final ShopifyClient client;
    private final EntityType entity;
    private final SyncCursor from;
    private final String currency;
    private final String search;
    private final boolean products;
    private final String type;
    private final Quarantine quarantine = new Quarantine();
    private double costPerNode = 1 + ShopifyQueries.NESTED;
    private String after;
    private Instant lastUpdated;
    private boolean done;

    ShopifyPagedStream(ShopifyClient client, EntityType entity, SyncCursor from, String currency) {
        this.client = requireNonNull(client, "client is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.from = requireNonNull(from, "from is null");
        this.currency = currency;
        this.products = entity == EntityType.PRODUCTS;
        this.type = products ? "Product" : "Order";
        this.search = from.isStart() ? null
                : "updated_at:>='" + from.modifiedAt().truncatedTo(ChronoUnit.SECONDS) + "'";
    }

    @Override
    public Optional<RecordPage> nextPage() {
        if (done) {
            return Optional.empty();
        }
        String what = "listing " + entity.cliName();
        ShopifyAnswer answer = null;
        int first = 0;
        for (int attempt = 0; answer == null; attempt++) {
            first = client.throttle().pageSize(costPerNode, FIXED_COST, MOST);
            answer = client.query(products ? ShopifyQueries.PRODUCTS : ShopifyQueries.ORDERS, variables(first),
                    FIXED_COST + (int) Math.ceil(first * costPerNode), what);
            if ((answer.has("MAX_COST_EXCEEDED") || answer.has("THROTTLED")) && attempt < 5 && first > 1) {
                if (!learnCost(answer, first)) {
                    costPerNode *= 2;
                }
                answer = null;
            }
        }
        if (answer.hasErrors()) {
            throw ShopifyClient.failure(answer, what);
        }
        learnCost(answer, first);
        JsonNode connection = answer.data().path(products ? "products" : "orders");
        if (!connection.path("nodes").isArray()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "Shopify's answer to " + what + " has no "
                    + (products ? "products" : "orders") + ".nodes: this is not Shopify's Admin API.", 200, null);
        }
        List<SourceRecord> records = new ArrayList<>();
        SyncCursor cursor = from;
        for (JsonNode node : connection.path("nodes")) {
            String id = ShopifyIds.readable(node, type);
            Instant updated = id == null ? null : updatedAt(node, id);
            if (updated == null) {
                // it cannot be placed, so it leaves the cursor where it is; the mapper says why it is set aside
                map(node, id, records);
                continue;
            }
            if (lastUpdated != null && updated.isBefore(lastUpdated)) {
                throw outOfOrder(what);
            }
            lastUpdated = updated;
            cursor = SyncCursor.of(updated, id);
            if (from.lastId() == null || from.isBefore(updated, id)) {
                map(node, id, records);
            }
        }
        JsonNode pageInfo = connection.path("pageInfo");
        done = !pageInfo.path("hasNextPage").asBoolean(false);
        after = pageInfo.path("endCursor").asText(null);
        if (!done && after == null) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, "Shopify said more " + entity.cliName()
                    + " follow but sent no endCursor; reading on could skip records, so the sync stops.", 200, null);
        }
        return Optional.of(new RecordPage(records, cursor).withRejected(quarantine.drain()));
    }

    /** The record's update time, or null when it has none that can be read. */
    private static Instant updatedAt(JsonNode node, String id) {
        try {
            return ShopifyProductMapper.updatedAt(node, id);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private ObjectNode variables(int first) {
        ObjectNode vars = Json.mapper().createObjectNode().put("first", first).put("sortKey", "UPDATED_AT")
                .put(products ? "variants" : "lines", ShopifyQueries.NESTED);
        vars.put("after", after);
        vars.put("query", search);
        return vars;
    }

    /** Learns the cost per node from {@code requestedQueryCost}; false when the answer does not tell. */
    private boolean learnCost(ShopifyAnswer answer, int first) {
        int requested = answer.requestedCost();
        if (requested > FIXED_COST && first > 0) {
            costPerNode = Math.max(1, (requested - FIXED_COST) / (double) first);
            return true;
        }
        return false;
    }

    /** Adds the records of a node (a product and its variants, an order) to {@code into}, setting aside the unreadable. */
    private void map(JsonNode node, String id, List<SourceRecord> into) {
        if (id == null) { // the rest of its children cannot be asked for without its id: the node is set aside whole
            quarantine.map(into, () -> { throw new IllegalArgumentException(ShopifyIds.withoutId(node, type, null)); },
                    () -> null, node::toString);
            return;
        }
        List<JsonNode> children = ShopifyNested.all(client, node, id, products);
        if (products) {
            quarantine.map(into, () -> ShopifyProductMapper.product(node, currency), () -> id, () -> raw(node));
            for (JsonNode v : children) {
                quarantine.map(into, () -> ShopifyProductMapper.variant(v, node, currency),
                        () -> ShopifyIds.gid(v, "ProductVariant"), v::toString);
            }
        } else {
            quarantine.map(into, () -> ShopifyOrderMapper.order(node, children), () -> id,
                    () -> ShopifyNested.withChildren(node, false, children));
        }
    }

    /** A product as sent, without its variants (each is set aside, or stored, on its own). */
    private static String raw(JsonNode product) {
        JsonNode raw = product.deepCopy();
        if (raw.isObject()) {
            ((ObjectNode) raw).remove("variants");
        }
        return raw.toString();
    }

    private ConnectorException outOfOrder(String what) {
        return new ConnectorException(FailureKind.SERVER_ERROR, "Shopify answered " + what + " in another order than "
                + "asked (updatedAt ascending); reading on could skip records, so the sync stops.", 200, null);
    }
}
