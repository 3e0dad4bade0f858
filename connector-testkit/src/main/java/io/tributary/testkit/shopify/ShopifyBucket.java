package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shopify's cost-based leaky bucket for one app on one shop: a query needs its requested cost available before it
 * runs, the difference to its actual cost is refunded, and points come back at the restore rate (wall clock).
 */
final class ShopifyBucket {
    /** The most one query may cost. */
    static final int MAX_QUERY_COST = 1000;

    private double maximum;
    private double restoreRate;
    private double available;
    private long lastNanos = System.nanoTime();

    ShopifyBucket(int maximum, int restoreRate) {
        resize(maximum, restoreRate);
    }

    synchronized void resize(int newMaximum, int newRestoreRate) {
        this.maximum = newMaximum;
        this.restoreRate = newRestoreRate;
        this.available = newMaximum;
    }

    /** Empties the bucket, as a burst of other traffic by the same app would. */
    synchronized void drain() {
        refill();
        available = 0;
    }

    /** Takes {@code requested} points if they are there; false when the query must be throttled. */
    synchronized boolean take(int requested) {
        refill();
        if (available < requested) {
            return false;
        }
        available -= requested;
        return true;
    }

    synchronized void refund(int points) {
        available = Math.min(maximum, available + points);
    }

    /** {@code extensions.cost} for an answer. */
    synchronized ObjectNode cost(int requested, Integer actual) {
        refill();
        ObjectNode cost = ShopifyJson.MAPPER.createObjectNode().put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        cost.putObject("throttleStatus").put("maximumAvailable", maximum)
                .put("currentlyAvailable", (int) Math.floor(available)).put("restoreRate", restoreRate);
        return cost;
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - lastNanos) / 1e9 * restoreRate);
        lastNanos = now;
    }
}
