package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The site facts a products sync takes as the last run read them (the REST index's filters and routes, the
 * currency): an incremental sync asks only for the time zone; a sync from the start asks for all again, and so
 * does the run after a failed one.
 */
class WooCommerceSiteFactsTest {
    private static final String INDEX = "/wp-json/wc/v3";
    private static final String CURRENCY = "/wp-json/wc/v3/data/currencies/current";
    private static final String ZONE = "/wp-json/";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncTakesTheFactsTheLastSyncReadAndAFullOrAFailureReadsThemAgain(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeWooCommerceShop shop = new FakeWooCommerceShop(FakeWooCommerce.builder().products(30).orders(5)
                        .seed(3).wooVersion("10.3.0").start())) {
            FakeWooCommerce fake = shop.fake();
            long id = f.connect(shop.settings());
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(siteReads(fake)).as("the first sync reads the site").containsExactly(INDEX, CURRENCY, ZONE);

            fake.clock().advance(Duration.ofMinutes(10));
            fake.editProduct(fake.productIds().get(0), edit -> edit.name("Renamed"));
            fake.requests().clear();
            SyncRun incremental = f.sync(id, EntityType.PRODUCTS);
            assertThat(incremental.updatedCount()).isPositive();
            assertThat(siteReads(fake)).as("an incremental sync asks for the zone only").containsExactly(ZONE);
            assertThat(f.products(id)).as("the currency taken from the first sync's read").isNotEmpty()
                    .allSatisfy(product -> assertThat(product.currency()).isEqualTo("EUR"));

            fake.requests().clear();
            f.fullSync(id, EntityType.PRODUCTS);
            assertThat(siteReads(fake)).as("a sync from the start reads the site again").contains(INDEX, CURRENCY);

            fake.faults().inject(Fault.status(401), 1, "/wp-json/wc/v3/products");
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            fake.requests().clear();
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(siteReads(fake)).as("after a failed run the site is read again")
                    .containsExactly(INDEX, CURRENCY, ZONE);
        }
    }

    /** The requests that were not lists of products or variations, in order. */
    private static List<String> siteReads(FakeWooCommerce fake) {
        return fake.requests().all().stream().map(RecordedRequest::path)
                .filter(path -> !path.startsWith("/wp-json/wc/v3/products") && !path.endsWith("/variations"))
                .toList();
    }
}
