package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.magento.FakeMagento;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deletes at a Magento shop found by the reconciliation pass, over real sockets into H2 and MariaDB. */
class MagentoReconcileTest {
    private static final String PRODUCTS = "/rest/V1/products";
    private static final String ORDERS = "/rest/V1/orders";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deletedProductsAndOrdersAreMarkedByIdsListedPageByPage(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(400, 30, MagentoAuthMode.INTEGRATION)) {
            FakeMagento fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);
            int child = fake.productIds().stream().filter(p -> !fake.parentIds(p).isEmpty()).findFirst().orElseThrow();
            int last = fake.productIds().get(fake.productIds().size() - 1);
            int order = fake.orderIds().get(3);
            int stored = fake.productIds().size();
            fake.deleteProduct(child);
            fake.deleteProduct(last);
            fake.deleteOrder(order);
            fake.requests().clear();

            SyncRun products = f.reconcile(id, EntityType.PRODUCTS);
            SyncRun orders = f.reconcile(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.readCount()).isEqualTo(stored - 2);
            assertThat(products.deletedCount()).isEqualTo(2);
            assertThat(f.deletedIds(id, EntityType.PRODUCTS))
                    .containsExactlyInAnyOrder(Integer.toString(child), Integer.toString(last));
            assertThat(fake.requests().matching(PRODUCTS)).as("pages of 500 ids, nothing but ids")
                    .hasSize((stored - 2 + 499) / 500).allSatisfy(r -> assertThat(r.target()).contains("fields=items%5Bid%5D%2Ctotal_count"));
            assertThat(orders.deletedCount()).isEqualTo(1);
            assertThat(f.deletedIds(id, EntityType.ORDERS)).containsExactly(Integer.toString(order));
            assertThat(fake.requests().matching(ORDERS))
                    .allSatisfy(r -> assertThat(r.target()).contains("fields=items%5Bentity_id%5D%2Ctotal_count"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aListingThatBreaksOnItsSecondPageMarksNothingDeleted(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(400, 0, MagentoAuthMode.INTEGRATION)) {
            FakeMagento fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            fake.deleteProduct(fake.productIds().get(0));
            fake.afterRequests(PRODUCTS, 1, () -> fake.faults().inject(Fault.malformedJson(), 1, PRODUCTS));

            SyncRun run = f.reconcile(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(run.deletedCount()).isNull();
            assertThat(f.deletedIds(id, EntityType.PRODUCTS)).isEmpty();
            assertThat(f.reconcile(id, EntityType.PRODUCTS).deletedCount()).isEqualTo(1);
        }
    }

}
