package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.store.InvalidInputException;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyProduct;
import io.tributary.testkit.shopify.ShopifyVariant;
import java.util.Comparator;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deletes at a Shopify shop found by the reconciliation pass (products), over real sockets into H2 and MariaDB. */
class ShopifyReconcileTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deletedProductsAreMarkedWithEveryVariantAndOrdersAreRefused(TestDatabase.Backend backend) {
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

            assertThatThrownBy(() -> f.reconcile(id, EntityType.ORDERS)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("only the last 60 days of orders");
        }
    }
}
