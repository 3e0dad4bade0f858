package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.record.OrderStatus;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deletes at a WooCommerce shop found by the reconciliation pass, over real sockets into H2 and MariaDB: a
 * product or order moved to the trash or deleted for good is marked deleted, one restored is revived.
 */
class WooCommerceReconcileTest {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";

    /** A product's id and its variations' ids, as the sync stores them. */
    private static List<String> withVariations(FakeWooCommerce fake, int productId) {
        List<String> ids = new ArrayList<>(List.of(Integer.toString(productId)));
        fake.variationIds(productId).forEach(v -> ids.add(Integer.toString(v)));
        return ids;
    }

    private static int variable(FakeWooCommerce fake, int skip) {
        return fake.productIds().stream().filter(id -> !fake.variationIds(id).isEmpty()).skip(skip).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void trashedAndDeletedProductsAreMarkedWithTheirVariationsAndRestoredOnesRevived(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(250, 0)) {
            FakeWooCommerce fake = shop.fake();
            long id = f.connect(shop.settings());
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            int trashed = variable(fake, 0);
            int deleted = variable(fake, 1);
            int simple = fake.productIds().stream().filter(p -> fake.variationIds(p).isEmpty()).findFirst()
                    .orElseThrow();
            TreeSet<String> expected = new TreeSet<>(withVariations(fake, trashed));
            expected.addAll(withVariations(fake, deleted));
            expected.add(Integer.toString(simple));
            fake.editProduct(trashed, p -> p.status("trash"));
            fake.editProduct(simple, p -> p.status("trash"));
            fake.deleteProduct(deleted);
            fake.requests().clear();

            SyncRun run = f.reconcile(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.deletedCount()).isEqualTo(expected.size());
            assertThat(f.deletedIds(id, EntityType.PRODUCTS)).isEqualTo(expected);
            List<RecordedRequest> listed = fake.requests().matching(PRODUCTS);
            assertThat(listed).as("one cheap request per 100 products, nothing else")
                    .hasSize(3).allSatisfy(r -> assertThat(r.target()).contains("_fields=id%2Cvariations"));

            fake.editProduct(trashed, p -> p.status("publish"));
            SyncRun again = f.reconcile(id, EntityType.PRODUCTS);
            assertThat(again.revivedCount()).isEqualTo(withVariations(fake, trashed).size());
            assertThat(again.deletedCount()).isZero();
            expected.removeAll(withVariations(fake, trashed));
            assertThat(f.deletedIds(id, EntityType.PRODUCTS)).isEqualTo(expected);

            fake.editProduct(simple, p -> p.status("publish")); // restored: saved, so the next sync reads it
            f.sync(id, EntityType.PRODUCTS);
            expected.remove(Integer.toString(simple));
            assertThat(f.deletedIds(id, EntityType.PRODUCTS)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aTrashedOrderCountsAsDeleted(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(20, 130)) {
            FakeWooCommerce fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.ORDERS);
            int order = fake.orderIds().get(101);
            fake.editOrder(order, o -> o.status("trash"));

            SyncRun run = f.reconcile(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.readCount()).isEqualTo(129);
            assertThat(run.deletedCount()).isEqualTo(1);
            assertThat(f.deletedIds(id, EntityType.ORDERS)).containsExactly(Integer.toString(order));
            // partners polling the statuses see the deletion as the newest change, with its time
            List<OrderStatus> statuses = f.records.orderStatuses(null, id, null, null, 500).items();
            assertThat(statuses).hasSize(130).last().satisfies(last -> {
                assertThat(last.externalId()).isEqualTo(Integer.toString(order));
                assertThat(last.deletedAt()).isNotNull();
                assertThat(last.storedAt()).isEqualTo(last.deletedAt());
            });
            assertThat(statuses.subList(0, 129)).allSatisfy(s -> assertThat(s.deletedAt()).isNull());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aProductDeletedWhileTheIdsAreListedShiftsTheListButMakesNoOtherLookDeleted(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(250, 0)) {
            FakeWooCommerce fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            int early = fake.productIds().stream().sorted().filter(p -> fake.variationIds(p).isEmpty()).findFirst()
                    .orElseThrow();
            // after the first page of ids, a product of that page goes for good: every later one moves up by one
            fake.afterRequests(PRODUCTS, 1, () -> fake.deleteProduct(early));

            fake.requests().clear();

            SyncRun run = f.reconcile(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.deletedIds(id, EntityType.PRODUCTS))
                    .as("the product first listed at the next offset was not skipped; the one deleted had been listed")
                    .isEmpty();
            assertThat(fake.requests().matching(PRODUCTS)).as("the shifted list was seen and listed again")
                    .hasSizeGreaterThan(3);
            assertThat(f.reconcile(id, EntityType.PRODUCTS).deletedCount()).isEqualTo(1);
            assertThat(f.deletedIds(id, EntityType.PRODUCTS)).containsExactly(Integer.toString(early));
        }
    }
}
