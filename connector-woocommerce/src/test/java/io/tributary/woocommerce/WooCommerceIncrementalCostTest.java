package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an incremental sync costs the shop after K = 100 edits, whatever the catalogue's size: one read of the site's
 * time zone (the REST index and the currency are taken as the last run read them: {@code SiteFacts}),
 * ⌈K / 100⌉ + 1 list requests (the one more
 * is the first page's overlap with the records at the cursor's second, read again because WooCommerce's
 * {@code modified_after} is to the second), and per list page with variable products one request for their
 * variations, up to 100 (WooCommerce 10.3's {@code GET /variations?include=}).
 */
class WooCommerceIncrementalCostTest {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";

    @ParameterizedTest
    @ValueSource(ints = {1500, 6000})
    void aHundredEditsCostTheSameRequestsWhateverTheCatalogue(int products) {
        try (SyncFixture f = new SyncFixture(TestDatabase.Backend.H2);
                FakeWooCommerceShop shop = new FakeWooCommerceShop(FakeWooCommerce.builder().products(products)
                        .orders(5).seed(11).wooVersion("10.3.0").start())) {
            FakeWooCommerce fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            fake.clock().advance(Duration.ofHours(1));
            List<Integer> all = fake.productIds();
            List<Integer> edited = IntStream.range(0, 100).mapToObj(i -> all.get(i * (all.size() / 100))).toList();
            long variations = edited.stream().mapToLong(p -> fake.variationIds(p).size()).sum();
            assertThat(variations).as("variable products among the edits").isPositive().isLessThanOrEqualTo(100);
            edited.forEach(p -> fake.editProduct(p, edit -> edit.name("Edited " + p)));
            fake.requests().clear();

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            List<RecordedRequest> requests = fake.requests().all();
            List<String> shown = requests.stream().map(r -> r + " offset=" + r.queryParameter("offset").orElse("-")
                    + " modified_after=" + r.queryParameter("modified_after").orElse("-")).toList();
            long lists = requests.stream().filter(r -> r.path().equals(PRODUCTS)).count();
            assertThat(lists).as("list requests in %s", shown).isBetween(1L, 2L);
            assertThat(requests.stream().filter(r -> r.path().endsWith("/variations"))).as("variation lists in %s", shown)
                    .hasSizeBetween(1, (int) lists);
            assertThat(requests.stream().filter(r -> !r.path().startsWith(PRODUCTS) && !r.path().endsWith("/variations"))
                    .map(RecordedRequest::path)).as("the reads every sync begins with, in %s", shown)
                    .containsExactly("/wp-json/");
            assertThat(run.updatedCount()).as("the edited products, and the variations that carry their name")
                    .isEqualTo(100 + variations);
        }
    }
}
