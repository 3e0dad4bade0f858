package io.tributary.testkit.woocommerce;

import java.time.Instant;

/**
 * What the seed produced, for demos, benchmarks and test diagnostics.
 *
 * @param productTimestampGroups how many distinct {@code date_modified_gmt} seconds are shared by
 *     two or more products
 * @param largestProductGroup the most products sharing one {@code date_modified_gmt}
 */
public record WooSeedSummary(int products, int variableProducts, int variations, int orders,
        int productTimestampGroups, int largestProductGroup, int orderTimestampGroups, int largestOrderGroup,
        Instant oldestCreated, Instant newestModified) {
}
