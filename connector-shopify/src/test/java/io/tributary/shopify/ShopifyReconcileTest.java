package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import io.tributary.testkit.shopify.ShopifyVariant;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deletes at a Shopify shop found by the reconciliation pass (products; orders with read_all_orders), over real sockets into H2 and MariaDB. */
class ShopifyReconcileTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deletedProductsAreMarkedWithEveryVariant(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(120, 5, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            ShopifyProduct large = fake.products().stream().max(Comparator.comparingInt(p -> p.variants().size()))
                    .orElseThrow();
            java.util.List<ShopifyProduct> gone = fake.products().stream().filter(p -> p.variants().size() > 1)
                    .filter(p -> p.id() != large.id()).limit(2).toList();
            TreeSet<String> expected = new TreeSet<>();
            for (ShopifyProduct product : gone) {
                expected.add(product.gid());
                product.variants().stream().map(ShopifyVariant::gid).forEach(expected::add);
                fake.deleteProduct(product.id());
            }
            fake.clearRequests();

            SyncRun run = f.reconcile(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(large.variants()).as("more variants than one nested page holds").hasSizeGreaterThan(50);
            assertThat(run.deletedCount()).isEqualTo(expected.size());
            assertThat(f.deletedIds(id, EntityType.PRODUCTS))
                    .as("the large product's variants past the nested page were listed too, so none is marked")
                    .isEqualTo(expected);
            assertThat(fake.requests("TributaryProductIds")).as("pages of ids").hasSizeGreaterThan(1);
            assertThat(fake.requests("TributaryProductVariants")).as("the rest of the large product's variants")
                    .isNotEmpty();

        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deletedOrdersAreFoundWithReadAllOrdersAndNotLookedForWithout(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(5, 40, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long all = f.connect(shop.settings());
            long recent = f.connect(FakeShopifyShop.token(fake.shopUrl(),
                    fake.tokenWithScopes(Set.of("read_products", "read_orders"))));
            assertThat(f.sync(all, EntityType.ORDERS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.sync(recent, EntityType.ORDERS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            TreeSet<String> gone = new TreeSet<>();
            for (ShopifyOrder order : fake.orders().subList(0, 3)) {
                gone.add(order.gid());
                fake.deleteOrder(order.id());
            }

            SyncRun full = f.fullSync(all, EntityType.ORDERS);
            assertThat(full.outcome()).as(full.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(full.deletedCount()).isEqualTo(3);
            assertThat(f.deletedIds(all, EntityType.ORDERS)).isEqualTo(gone);
            assertThat(fake.requests("TributaryOrderIds")).as("ids listed").isNotEmpty();

            SyncRun blind = f.fullSync(recent, EntityType.ORDERS);
            assertThat(blind.outcome()).as(blind.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(blind.notes()).anySatisfy(note -> assertThat(note).startsWith("Deletes at the source were "
                    + "not looked for: the app lacks the read_all_orders scope"));
            assertThat(f.deletedIds(recent, EntityType.ORDERS)).as("absence proves nothing here").isEmpty();
            SyncRun refused = f.reconcile(recent, EntityType.ORDERS);
            assertThat(refused.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(refused.errorMessage()).contains("grant read_all_orders to have deleted orders found");
            assertThat(f.deletedIds(recent, EntityType.ORDERS)).isEmpty();
        }
    }
}
