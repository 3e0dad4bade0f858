package io.tributary.testkit.woocommerce;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts what a catalogue holds, for {@link WooSeedSummary}. */
final class WooSeedStatistics {

    private WooSeedStatistics() {
    }

    static WooSeedSummary summarize(WooCatalogue catalogue) {
        return catalogue.read(() -> {
            int variable = (int) catalogue.products().values().stream().filter(WooProduct::isVariable).count();
            int[] productGroups = groups(catalogue.products().values());
            int[] orderGroups = groups(catalogue.orders().values());
            long oldest = Long.MAX_VALUE;
            long newest = Long.MIN_VALUE;
            for (Iterable<? extends WooPost> table : List.of(catalogue.products().values(),
                    catalogue.variations().values(), catalogue.orders().values())) {
                for (WooPost post : table) {
                    oldest = Math.min(oldest, post.createdGmt);
                    newest = Math.max(newest, post.modifiedGmt);
                }
            }
            return new WooSeedSummary(catalogue.products().size(), variable, catalogue.variations().size(),
                    catalogue.orders().size(), productGroups[0], productGroups[1], orderGroups[0], orderGroups[1],
                    oldest == Long.MAX_VALUE ? null : Instant.ofEpochSecond(oldest),
                    newest == Long.MIN_VALUE ? null : Instant.ofEpochSecond(newest));
        });
    }

    /** How many modification seconds are shared by two or more records, and the largest such group. */
    private static int[] groups(Iterable<? extends WooPost> posts) {
        Map<Long, Integer> counts = new HashMap<>();
        for (WooPost post : posts) {
            counts.merge(post.modifiedGmt, 1, Integer::sum);
        }
        int groups = 0;
        int largest = 0;
        for (int count : counts.values()) {
            if (count > 1) {
                groups++;
            }
            largest = Math.max(largest, count);
        }
        return new int[] {groups, largest};
    }
}
