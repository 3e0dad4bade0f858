package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk query operations: {@code bulkOperationRunQuery} takes a snapshot of products (with variants) or orders (with
 * line items) as JSONL — each child on its own line after its parent, naming it in {@code __parentId} (grouped
 * objects; the parent's true GID, even when the parent is served damaged) — and reports RUNNING until {@link #delay} of wall time has passed, then COMPLETED with a download URL.
 * Knobs: refuse the next start with a user error, or let the next operation FAIL with an error code; hold every
 * operation RUNNING until released, or until it has been asked about a number of times.
 */
final class ShopifyBulkOperations {
    private static final Pattern ROOT = Pattern.compile("^\\s*\\{\\s*(products|orders)\\b");

    record Operation(long id, String kind, String query, Instant createdAt, long readyAtNanos, String jsonl,
            int objects, int roots, String failure, int pollsNeeded, AtomicInteger polls) {
        String gid() {
            return "gid://shopify/BulkOperation/" + id;
        }
    }

    private final Clock clock;
    private final Map<Long, Operation> operations = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ofMillis(300);
    private volatile String refusal;
    private volatile String failure;
    private volatile boolean held;
    private volatile int pollsNeeded;
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

    void hold(boolean value) {
        held = value;
    }

    void pollsNeeded(int polls) {
        pollsNeeded = polls;
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
                line(jsonl, catalogue.served(ShopifyJson.product(product)), null);
                roots++;
                objects++;
                for (ShopifyVariant variant : product.variants()) {
                    line(jsonl, catalogue.served(ShopifyJson.variant(variant)), product.gid());
                    objects++;
                }
            }
        } else {
            for (ShopifyOrder order : catalogue.orders().stream().filter(visible).toList()) {
                line(jsonl, catalogue.served(ShopifyJson.order(order)), null);
                roots++;
                objects++;
                for (ShopifyLineItem item : order.lines()) {
                    line(jsonl, catalogue.served(ShopifyJson.lineItem(item, order.currency())), order.gid());
                    objects++;
                }
            }
        }
        Operation operation = new Operation(nextId++, root.group(1), query, clock.instant(),
                System.nanoTime() + delay.toNanos(), jsonl.toString(), objects, roots, failure, pollsNeeded,
                new AtomicInteger());
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

    /** The {@code BulkOperation} object as a status query answers it; counts the question. */
    ObjectNode status(Operation operation, String baseUrl) {
        int asked = operation.polls().incrementAndGet();
        boolean ready = System.nanoTime() >= operation.readyAtNanos() && !held && asked > operation.pollsNeeded();
        String status = !ready ? "RUNNING" : operation.failure() != null ? "FAILED" : "COMPLETED";
        ObjectNode node = ShopifyJson.MAPPER.createObjectNode().put("id", operation.gid()).put("status", status)
                .put("query", operation.query()).put("createdAt", operation.createdAt().toString());
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
