package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.time.Duration;

/**
 * Tributary's view of Shopify's cost bucket for one connection, from the {@code extensions.cost.throttleStatus} of
 * each answer: how many points are available now (what was left plus what the restore rate gave back since), how
 * long to wait before a query of some cost fits, and how large a page fits. Before the first answer it assumes
 * enough. Used by one sync thread at a time.
 */
final class ShopifyThrottle {
    /** Shopify refuses a single query that requests more. */
    static final int MAX_QUERY_COST = 1000;

    /** Waits; a test may make it fast. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private double maximum = Double.NaN;
    private double available;
    private double restoreRate;
    private long seenAt;

    ShopifyThrottle(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** Learns the bucket from an answer's {@code extensions.cost}; ignores an answer without one. */
    void observe(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        if (!status.path("currentlyAvailable").isNumber() || !status.path("restoreRate").isNumber()) {
            return;
        }
        maximum = status.path("maximumAvailable").asDouble();
        available = status.path("currentlyAvailable").asDouble();
        restoreRate = Math.max(1, status.path("restoreRate").asDouble());
        seenAt = System.nanoTime();
    }

    boolean known() {
        return !Double.isNaN(maximum);
    }

    double restoreRate() {
        return restoreRate;
    }

    double maximum() {
        return maximum;
    }

    /** Points available now, as far as Tributary can tell. */
    double availableNow() {
        if (!known()) {
            return MAX_QUERY_COST;
        }
        return Math.min(maximum, available + (System.nanoTime() - seenAt) / 1e9 * restoreRate);
    }

    /** How long until {@code cost} points are there. */
    Duration waitFor(int cost) {
        double missing = Math.min(cost, known() ? maximum : cost) - availableNow();
        return missing <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(missing / restoreRate * 1000));
    }

    /**
     * The page size to ask for: as many nodes as fit in what is available (and in the single-query limit), at least
     * one and at most {@code most}.
     */
    int pageSize(double costPerNode, int fixedCost, int most) {
        double budget = Math.min(MAX_QUERY_COST, availableNow()) - fixedCost;
        int fits = (int) Math.floor(budget / costPerNode);
        return Math.max(1, Math.min(most, fits));
    }

    /** Sleeps until {@code cost} points are there. */
    void pace(int cost) {
        sleep(waitFor(cost));
    }

    void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureKind.TIMEOUT, "Waiting for Shopify's rate limit was interrupted.");
        }
    }
}
