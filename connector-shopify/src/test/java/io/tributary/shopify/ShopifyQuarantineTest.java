package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.record.StoredOrder;
import io.tributary.run.RejectedRecords;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import io.tributary.testkit.shopify.ShopifyVariant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Shopify record the connector cannot read, in a bulk export or in a page, is set aside with its reason while the
 * rest is stored exactly; the fake Shopify serves it damaged over a real socket.
 */
class ShopifyQuarantineTest {
    private static final String PRODUCTS = "TributaryProducts";
    private static final String ORDERS = "TributaryOrders";
    private static final String BULK = "TributaryBulkStart";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsABulkExportCannotReadAreSetAsideEvenWithoutAnIdAndTheRestIsStoredExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(20, 30, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            List<ShopifyProduct> few = fake.products().stream().filter(p -> p.variants().size() > 1
                    && p.variants().size() < 10).toList();
            ShopifyProduct withBadVariant = few.get(1);
            ShopifyVariant badVariant = withBadVariant.variants().get(1);
            ShopifyProduct withoutId = few.get(3);
            ShopifyOrder badLine = fake.orders().get(10);
            ShopifyOrder legacyId = fake.orders().get(20);
            fake.damage(badVariant.gid(), json -> json.put("price", "12,50"));
            fake.damage(withoutId.gid(), json -> json.remove("id"));
            fake.damage(badLine.lines().get(0).gid(), json -> json.put("quantity", "lots"));
            fake.damage(legacyId.gid(), json -> json.put("id", legacyId.id()));

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(fake.requests(BULK)).as("both read from bulk exports").hasSize(2);
            assertThat(fake.requests(PRODUCTS)).isEmpty();
            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.rejectedCount()).isEqualTo(2);
            assertThat(orders.rejectedCount()).isEqualTo(2);

            Map<String, String> expected = new HashMap<>(shop.productPrices());
            expected.remove(badVariant.gid());
            expected.remove(withoutId.gid());
            withoutId.variants().forEach(v -> expected.remove(v.gid()));
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(expected);
            assertOrdersStoredExactly(f, id, fake, List.of(badLine, legacyId));

            Map<String, RejectedRecords.Rejected> rejected = rejects(f, products, orders);
            RejectedRecords.Rejected variant = rejected.get(badVariant.gid());
            assertThat(variant.entity()).isEqualTo("PRODUCTS");
            assertThat(variant.reason()).isEqualTo("Record " + badVariant.gid() + " has price '12,50', which is not a "
                    + "number.");
            assertThat(variant.payload()).contains("\"price\":\"12,50\"");
            RejectedRecords.Rejected product = rejected.get("title " + withoutId.title());
            assertThat(product.externalId()).isNull();
            assertThat(product.reason()).startsWith("Shopify sent a product without a gid://shopify/Product/ id (title \""
                    + withoutId.title() + "\", handle \"" + withoutId.handle() + "\"; the lines after it name it "
                    + withoutId.gid() + "): ");
            assertThat(product.payload()).as("with its variants").contains(withoutId.variants().stream()
                    .map(ShopifyVariant::gid).toList());
            RejectedRecords.Rejected line = rejected.get(badLine.gid());
            assertThat(line.entity()).isEqualTo("ORDERS");
            assertThat(line.reason()).contains("has quantity 'lots', which is not a number.");
            assertThat(line.payload()).contains(badLine.lines().get(0).gid());
            RejectedRecords.Rejected order = rejected.get("name " + legacyId.name());
            assertThat(order.externalId()).isNull();
            assertThat(order.reason()).startsWith("Shopify sent an order without a gid://shopify/Order/ id (name \""
                    + legacyId.name() + "\"; the lines after it name it " + legacyId.gid() + "): {\"id\":"
                    + legacyId.id() + ",");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsAPageCannotReadAreSetAsideTheRestStoredAndOnceMendedTheyAreReadAgain(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(20, 40, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            assertThat(f.sync(id, EntityType.PRODUCTS).rejectedCount()).isZero();
            assertThat(f.sync(id, EntityType.ORDERS).rejectedCount()).isZero();
            fake.clock().advance(Duration.ofHours(1));
            Map<String, String> before = f.storedPrices(id);
            Map<String, StoredOrder> ordersBefore = f.storedOrders(id);
            List<ShopifyProduct> edited = fake.products().stream().filter(p -> p.variants().size() <= 3).limit(6)
                    .map(p -> fake.reprice(p.id(), new BigDecimal("100.25").add(BigDecimal.valueOf(p.id() % 97))))
                    .toList();
            List<ShopifyOrder> restated = fake.orders().subList(5, 11).stream()
                    .map(o -> fake.restatus(o.id(), "VOIDED", "FULFILLED")).toList();
            // in the middle of the pages: a product whose updatedAt cannot be read (it cannot be placed), a variant
            // with a price that is not one, an order without an id, an order with a line that cannot be read
            ShopifyProduct unplaced = edited.get(2);
            String badVariant = edited.get(3).variants().get(0).gid();
            ShopifyOrder withoutId = restated.get(2);
            ShopifyOrder badLine = restated.get(3);
            fake.damage(unplaced.gid(), json -> json.put("updatedAt", "yesterday"));
            fake.damage(badVariant, json -> json.put("price", "12,50"));
            fake.damage(withoutId.gid(), json -> json.put("id", ""));
            fake.damage(badLine.lines().get(0).gid(), json -> json.putNull("id"));
            fake.clearRequests();

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(fake.requests(BULK)).as("incremental reads page").isEmpty();
            assertThat(fake.requests(PRODUCTS)).isNotEmpty();
            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.rejectedCount()).isEqualTo(2);
            assertThat(orders.rejectedCount()).isEqualTo(2);
            assertThat(products.updatedCount()).as("5 products and 5 first variants; the first variant of the "
                    + "product that could not be placed is stored").isEqualTo(10);
            assertThat(orders.updatedCount()).isEqualTo(4);
            Map<String, String> expected = new HashMap<>(shop.productPrices());
            expected.put(badVariant, before.get(badVariant));
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(expected);
            assertOrdersStoredExactly(f, id, fake, List.of(withoutId, badLine));
            assertThat(f.storedOrders(id).get(withoutId.gid()).status()).as("kept as it was")
                    .isEqualTo(ordersBefore.get(withoutId.gid()).status());
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt()).as("past the records set aside")
                    .isEqualTo(restated.get(5).updatedAt());

            Map<String, RejectedRecords.Rejected> rejected = rejects(f, products, orders);
            assertThat(rejected.get(unplaced.gid()).reason()).isEqualTo("Record " + unplaced.gid() + " has updatedAt "
                    + "'yesterday', which is not a date and time.");
            assertThat(rejected.get(unplaced.gid()).payload()).contains("\"updatedAt\":\"yesterday\"")
                    .doesNotContain("ProductVariant");
            assertThat(rejected.get(badVariant).reason()).isEqualTo("Record " + badVariant + " has price '12,50', "
                    + "which is not a number.");
            RejectedRecords.Rejected order = rejected.get("name " + withoutId.name());
            assertThat(order.externalId()).isNull();
            assertThat(order.reason()).startsWith("Shopify sent an order without a gid://shopify/Order/ id (name \""
                    + withoutId.name() + "\"): ");
            assertThat(order.payload()).contains("\"id\":\"\"").contains(withoutId.lines().get(0).gid());
            assertThat(rejected.get(badLine.gid()).reason()).startsWith("Shopify sent a line item without a "
                    + "gid://shopify/LineItem/ id (name \"" + badLine.lines().get(0).name() + "\"");

            // mended at the source, they are read again with their next change
            List.of(unplaced.gid(), badVariant, withoutId.gid(), badLine.lines().get(0).gid())
                    .forEach(gid -> fake.damage(gid, json -> { }));
            fake.reprice(unplaced.id(), new BigDecimal("77.70"));
            fake.reprice(edited.get(3).id(), new BigDecimal("12.50"));
            fake.restatus(withoutId.id(), "REFUNDED", "FULFILLED");
            fake.restatus(badLine.id(), "REFUNDED", "FULFILLED");
            SyncRun mendedProducts = f.sync(id, EntityType.PRODUCTS);
            SyncRun mendedOrders = f.sync(id, EntityType.ORDERS);
            assertThat(mendedProducts.rejectedCount() + mendedOrders.rejectedCount()).isZero();
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            assertOrdersStoredExactly(f, id, fake, List.of());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aBulkLineThatIsNotJsonFailsTheRunSayingSoAndTheNextStartsANewExport(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(5, 12, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            fake.faults().malformedJson("/bulk-results/", 1);

            SyncRun failed = f.sync(id, EntityType.ORDERS);
            SyncRun next = f.sync(id, EntityType.ORDERS);

            assertThat(failed.outcome()).as("which record the line held is unknown").isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).isEqualTo("Shopify's bulk result for orders has a line that is not JSON "
                    + "({\"data\":{\"orders\":{\"nodes\":[{\"id\":); the next run starts a new export.");
            assertThat(failed.rejectedCount()).isZero();
            assertThat(next.outcome()).as(next.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.requests(BULK)).hasSize(2);
            assertOrdersStoredExactly(f, id, fake, List.of());
        }
    }

    /** Every order of the fake stored as it is now, but those set aside. */
    private static void assertOrdersStoredExactly(SyncFixture f, long id, FakeShopify fake, List<ShopifyOrder> aside) {
        Map<String, StoredOrder> stored = f.storedOrders(id);
        List<String> asideIds = aside.stream().map(ShopifyOrder::gid).toList();
        for (ShopifyOrder o : fake.orders()) {
            if (asideIds.contains(o.gid())) {
                continue;
            }
            StoredOrder s = stored.get(o.gid());
            assertThat(s).as(o.name()).isNotNull();
            assertThat(s.number()).isEqualTo(o.name());
            assertThat(s.total()).isEqualByComparingTo(o.total());
            assertThat(s.status()).as(o.name()).isEqualTo(o.cancelledAt() != null ? "cancelled"
                    : o.financialStatus().toLowerCase(Locale.ROOT));
            assertThat(s.lines()).hasSize(o.lines().size());
        }
    }

    /** The records the runs set aside, by external id, or by the label their reason gives when they have none. */
    private static Map<String, RejectedRecords.Rejected> rejects(SyncFixture f, SyncRun... runs) {
        RejectedRecords rejects = new RejectedRecords(f.store.dataSource());
        Function<RejectedRecords.Rejected, String> key = r -> r.externalId() != null ? r.externalId()
                : r.reason().replaceFirst("^[^(]*\\((\\w+) \"([^\"]*)\".*$", "$1 $2");
        Map<String, RejectedRecords.Rejected> all = new HashMap<>();
        for (SyncRun run : runs) {
            all.putAll(rejects.list(run.id(), null, null, 100).stream().collect(Collectors.toMap(key, r -> r)));
        }
        return all;
    }
}
