package io.tributary.testkit.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A keyset page walk ({@code orderby=modified&order=asc&modified_after=…}) is cut from the unbounded selection
 * instead of walking the index from each bound: it must select exactly what the walk selects, in the same order,
 * whichever time column the table sorts on and the request compares.
 */
class WooTableKeysetTest {

    private static final long START = 1_720_000_000L; // 2024-07-03

    @ParameterizedTest(name = "sorted by local time {0}, dates_are_gmt {1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void theCutSelectsWhatTheWalkSelects(boolean sortByLocal, boolean datesAreGmt) {
        WooTime time = new WooTime(ZoneId.of("America/New_York")); // local and GMT columns differ by 4-5 hours
        WooTable<WooOrder> table = new WooTable<>(sortByLocal);
        Random random = new Random(42);
        for (int id = 1; id <= 3_000; id++) {
            WooOrder order = new WooOrder(id, random.nextInt(10) == 0 ? "trash" : "processing");
            order.created(START + random.nextInt(86_400 * 5), time);
            // many posts share a second, and the daylight-saving change of 2024-11-03 lies within the range
            order.modified(START + 86_400L * 120 + random.nextInt(86_400 * 5 / 60) * 60L, time);
            table.bulkAdd(order);
        }
        table.finishBulkLoad();

        WooSelection unbounded = selection(null, null, datesAreGmt);
        int[] all = table.select(unbounded);
        int[] atBounds = {0, 0};
        for (int step = 0; step < 200; step++) {
            long bound = START + 86_400L * 120 - 86_400 + random.nextInt(86_400 * 7);
            Long before = step % 5 == 0 ? bound + random.nextInt(86_400) : null;
            WooSelection keyset = selection(bound, before, datesAreGmt);
            int[] walked = table.select(keyset);
            int[] cut = table.selectAfterModification(keyset, table.select(selection(null, before, datesAreGmt)));

            assertThat(cut).as("modified_after %d, modified_before %s", bound, before).containsExactly(walked);
            atBounds[walked.length == 0 || walked.length == all.length ? 0 : 1]++;
        }
        assertThat(atBounds[1]).as("bounds that cut inside the data").isGreaterThan(100);
    }

    private static WooSelection selection(Long modifiedAfter, Long modifiedBefore, boolean datesAreGmt) {
        return new WooSelection("modified", true, datesAreGmt, null, null, modifiedAfter, modifiedBefore, null,
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null);
    }
}
