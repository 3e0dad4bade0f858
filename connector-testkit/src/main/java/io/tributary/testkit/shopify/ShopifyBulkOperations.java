package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk query operations: {@code bulkOperationRunQuery} takes a snapshot of products (with variants) or orders (with
 * line items) as JSONL — each child on its own line after its parent, naming it in {@code __parentId} (grouped
 * objects) — and reports RUNNING until {@link #delay} of wall time has passed, then COMPLETED with a download URL.
 * Knobs: refuse the next start with a user error, or let the next operation FAIL with an error code.
 */
final class ShopifyBulkOperations {
    private static final Pattern ROOT = Pattern.compile("^\\s*\\{\\s*(products|orders)\\b");

    record Operation(long id, String kind, Instant createdAt, long readyAtNanos, String jsonl, int objects,
            int roots, String failure) {
        String gid() {
            return "gid://shopify/BulkOperation/" + id;
        }
    }

    private final Clock clock;
    private final Map<Long, Operation> operations = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ofMillis(300);
    private volatile String refusal;
    private volatile String failure;
    private long nextId = 3_000_000_001L;

    ShopifyBulkOperations(Clock clock) {
        this.clock = clock;
    }

    void delay(Duration value) {
        delay = value;
    }

    void refuseNext(String message) {
        refusal = message;
    }

    void failNext(String errorCode) {
        failure = errorCode;
    }

    /** The user error for a refused start, consumed; null when the start may go ahead. */
    String takeRefusal() {
        String message = refusal;
        refusal = null;
        return message;
    }

    /** Starts an operation for a bulk query text; null when the query selects neither products nor orders. */
    synchronized Operation start(String query, ShopifyCatalogue catalogue, Predicate<ShopifyOrder> visible) {
        Matcher root = ROOT.matcher(query);
        if (!root.find()) {
            return null;
        }
        StringBuilder jsonl = new StringBuilder();
        int objects = 0;
        int roots = 0;
        if (root.group(1).equals("products")) {
            for (ShopifyProduct product : catalogue.products()) {
                line(jsonl, ShopifyJson.product(product), null);
                roots++;
                objects++;
                for (ShopifyVariant variant : product.variants()) {
                    line(jsonl, ShopifyJson.variant(variant), product.gid());
                    objects++;
                }
            }
        } else {
            for (ShopifyOrder order : catalogue.orders().stream().filter(visible).toList()) {
                line(jsonl, ShopifyJson.order(order), null);
                roots++;
                objects++;
                for (ShopifyLineItem item : order.lines()) {
                    line(jsonl, ShopifyJson.lineItem(item, order.currency()), order.gid());
                    objects++;
                }
            }
        }
        Operation operation = new Operation(nextId++, root.group(1), clock.instant(),
                System.nanoTime() + delay.toNanos(), jsonl.toString(), objects, roots, failure);
        failure = null;
        operations.put(operation.id(), operation);
        return operation;
    }

    private static void line(StringBuilder jsonl, ObjectNode node, String parent) {
        if (parent != null) {
            node.put("__parentId", parent);
        }
        jsonl.append(node).append('\n');
    }

    Operation find(String gid) {
        if (gid == null || !gid.startsWith("gid://shopify/BulkOperation/")) {
            return null;
        }
        return operations.get(Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1)));
    }

    Operation byId(long id) {
        return operations.get(id);
    }

    /** The {@code BulkOperation} object as a status query answers it. */
    ObjectNode status(Operation operation, String baseUrl) {
        boolean ready = System.nanoTime() >= operation.readyAtNanos();
        String status = !ready ? "RUNNING" : operation.failure() != null ? "FAILED" : "COMPLETED";
        ObjectNode node = ShopifyJson.MAPPER.createObjectNode().put("id", operation.gid()).put("status", status)
                .put("createdAt", operation.createdAt().toString());
        if (status.equals("FAILED")) {
            node.put("errorCode", operation.failure());
        } else {
            node.putNull("errorCode");
        }
        node.put("objectCount", ready ? Integer.toString(operation.objects()) : "0")
                .put("rootObjectCount", ready ? Integer.toString(operation.roots()) : "0");
        if (status.equals("COMPLETED") && operation.objects() > 0) {
            node.put("url", baseUrl + "bulk-results/" + operation.id() + ".jsonl?X-Goog-Signature=fake" + operation.id());
            node.put("completedAt", operation.createdAt().toString());
        } else {
            node.putNull("url");
        }
        node.putNull("partialDataUrl");
        return node;
    }
}
