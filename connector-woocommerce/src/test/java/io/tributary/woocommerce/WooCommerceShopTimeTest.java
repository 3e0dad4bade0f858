package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shop that ignores {@code dates_are_gmt} (a plugin rebuilds the date query) compares {@code modified_after}
 * with its local times: the incremental read sends its local time, so a shop west of UTC misses nothing and one
 * east of it reads nothing again beyond the lookback. Over a real socket, against the fake shop in that zone.
 */
class WooCommerceShopTimeTest {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";
    /** The engine fixture's lookback. */
    private static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @ParameterizedTest
    @ValueSource(strings = {"America/Los_Angeles", "Asia/Tokyo", "-05:00", "+09:00"})
    void aShopThatIgnoresDatesAreGmtMissesNoChangeAndReadsNoneTwiceBeyondTheLookback(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Read read = changesTwoHoursAfterTheLastSync(zone, false);
        assertThat(read.expectedListed()).as("the three changes and the one the lookback reads again").isEqualTo(4);
        assertThat(read.modifiedAfter()).as("the shop's local time")
                .isEqualTo(WALL.format(LocalDateTime.ofInstant(read.after(), zone)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Los_Angeles", "Asia/Tokyo"})
    void aShopWhoseZoneIsNotPublicIsAskedInUtcWithItsZoneAnHourEarlier(String zoneId) {
        Read read = changesTwoHoursAfterTheLastSync(ZoneId.of(zoneId), true);
        assertThat(read.expectedListed()).as("the three changes and the two of the hour before").isEqualTo(5);
        assertThat(read.modifiedAfter()).as("UTC, which WordPress converts to the shop's time, an hour early")
                .isEqualTo(WALL.format(LocalDateTime.ofInstant(read.after().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                        + "Z");
    }

    /** What the incremental read was expected to list (the changes and the overlap) and what it asked. */
    private record Read(Instant after, long expectedListed, String modifiedAfter) {}

    /**
     * A shop in {@code zone} that ignores {@code dates_are_gmt}: a full sync, two changes an hour apart and a sync,
     * three changes two hours later and a sync, which must store every change (none missed) and list exactly what was
     * modified after the value it sent (nothing read twice beyond the documented overlap).
     */
    private static Read changesTwoHoursAfterTheLastSync(ZoneId zone, boolean zoneHidden) {
        try (SyncFixture f = new SyncFixture(TestDatabase.Backend.H2);
                FakeWooCommerceShop shop = new FakeWooCommerceShop(FakeWooCommerce.builder().products(40).orders(5)
                        .seed(7).siteZone(zone).start())) {
            FakeWooCommerce fake = shop.fake();
            fake.ignoreDatesAreGmt(true).restForLoggedInUsersOnly(zoneHidden);
            long id = f.connect(shop.settings());
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            List<Integer> simple = fake.productIds().stream()
                    .filter(p -> fake.product(p).get("type").asText().equals("simple")).toList();
            fake.clock().advance(Duration.ofHours(1));
            reprice(fake, simple.get(0), "11.10");
            fake.clock().advance(Duration.ofMinutes(30));
            reprice(fake, simple.get(1), "22.20");
            SyncRun first = f.sync(id, EntityType.PRODUCTS);
            assertThat(first.updatedCount()).as("the two changes of the first hours").isEqualTo(2);
            fake.clock().advance(Duration.ofHours(2));
            for (int i = 2; i < 5; i++) {
                fake.clock().advance(Duration.ofSeconds(1));
                reprice(fake, simple.get(i), "3" + i + ".30");
            }
            Instant cursor = f.cursors.load(id, EntityType.PRODUCTS).modifiedAt();
            Instant after = cursor.minus(LOOKBACK).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
            Instant overlapFrom = zoneHidden ? after.minus(Duration.ofHours(1)) : after;
            long expectedListed = fake.productIds().stream().filter(p -> Instant.parse(
                    fake.product(p).get("date_modified_gmt").asText() + "Z").isAfter(overlapFrom)).count();
            long listedBefore = fake.listed("products");
            fake.requests().clear();

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.updatedCount()).as("the three changes, none missed").isEqualTo(3);
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            assertThat(fake.listed("products") - listedBefore).as("nothing read again beyond the overlap")
                    .isEqualTo(expectedListed);
            List<RecordedRequest> lists = fake.requests().matching(PRODUCTS).stream()
                    .filter(r -> r.path().equals(PRODUCTS)).toList();
            assertThat(lists).isNotEmpty().allSatisfy(r -> {
                assertThat(r.queryParameter("dates_are_gmt")).as("not relied upon").isEmpty();
            });
            RecordedRequest firstPage = lists.stream().filter(r -> r.queryParameter("per_page").orElse("").equals("100"))
                    .findFirst().orElseThrow(); // not the probe of modified_after a hidden index brings
            return new Read(after, expectedListed, firstPage.queryParameter("modified_after").orElseThrow());
        }
    }

    private static void reprice(FakeWooCommerce fake, int product, String price) {
        fake.editProduct(product, e -> e.regularPrice(new BigDecimal(price).toPlainString()).salePrice(null));
    }
}
