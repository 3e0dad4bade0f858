package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.LogCapture;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyLineItem;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import io.tributary.testkit.shopify.ShopifyRequest;
import io.tributary.testkit.shopify.ShopifyVariant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Shopify through the sync engine into a real store (H2 and MariaDB), against the fake shop over real sockets. */
class ShopifySyncTest {
    private static final String PRODUCTS = "TributaryProducts";
    private static final String ORDERS = "TributaryOrders";
    private static final String BULK = "TributaryBulkStart";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFullSyncGoesThroughABulkOperationAndStoresEveryRecordExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(30, 45, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.requests(BULK)).hasSize(2);
            assertThat(fake.requests(PRODUCTS)).as("no paged reads").isEmpty();
            assertThat(fake.requests(ORDERS)).isEmpty();
            assertThat(fake.requests("/bulk-results/")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.accessToken()).as("the token never goes to the download").isNull());

            Map<String, StoredProduct> stored = f.products(id).stream()
                    .collect(Collectors.toMap(StoredProduct::externalId, p -> p));
            int variants = fake.products().stream().mapToInt(p -> p.variants().size()).sum();
            assertThat(stored).hasSize(30 + variants);
            assertThat(products.insertedCount()).isEqualTo(30 + variants);
            assertThat(variants).as("one product has more variants than a nested page").isGreaterThan(80);
            for (ShopifyProduct product : fake.products()) {
                StoredProduct p = stored.get(product.gid());
                assertThat(p.name()).isEqualTo(product.title());
                assertThat(p.type()).isEqualTo("product");
                assertThat(p.status()).isEqualTo(product.status().toLowerCase(Locale.ROOT));
                assertThat(p.price()).isNull();
                assertThat(p.parentExternalId()).isNull();
                for (ShopifyVariant variant : product.variants()) {
                    StoredProduct v = stored.get(variant.gid());
                    assertThat(v.parentExternalId()).isEqualTo(product.gid());
                    assertThat(v.sku()).isEqualTo(variant.sku());
                    assertThat(v.type()).isEqualTo("variant");
                    assertThat(v.price()).isEqualByComparingTo(variant.price());
                    assertThat(v.currency()).isEqualTo("EUR");
                    assertThat(v.stockQuantity()).isEqualTo(variant.inventoryQuantity());
                    assertThat(v.name()).isEqualTo(variant.title().equals("Default Title") ? product.title()
                            : product.title() + " - " + variant.title());
                }
            }

            Map<String, StoredOrder> storedOrders = f.storedOrders(id);
            assertThat(storedOrders).hasSize(45);
            for (ShopifyOrder order : fake.orders()) {
                StoredOrder o = storedOrders.get(order.gid());
                assertThat(o.number()).isEqualTo(order.name());
                assertThat(o.total()).isEqualByComparingTo(order.total());
                assertThat(o.totalTax()).isEqualByComparingTo(order.tax());
                assertThat(o.shippingTotal()).isEqualByComparingTo(order.shipping());
                assertThat(o.discountTotal()).isEqualByComparingTo(order.discount());
                assertThat(o.currency()).isEqualTo("EUR");
                assertThat(o.customerEmail()).isEqualTo(order.email());
                assertThat(o.status()).isEqualTo(order.cancelledAt() != null ? "cancelled"
                        : order.financialStatus().toLowerCase(Locale.ROOT));
                assertThat(o.createdAt()).isEqualTo(order.createdAt());
                assertThat(o.lines()).hasSize(order.lines().size());
                for (int i = 0; i < order.lines().size(); i++) {
                    ShopifyLineItem line = order.lines().get(i);
                    StoredOrder.Line l = o.lines().get(i);
                    assertThat(l.sku()).isEqualTo(line.sku());
                    assertThat(l.quantity()).isEqualByComparingTo(BigDecimal.valueOf(line.quantity()));
                    assertThat(l.unitPrice()).isEqualByComparingTo(line.unitPrice());
                    assertThat(l.total()).isEqualByComparingTo(line.total());
                    assertThat(l.productExternalId()).isEqualTo("gid://shopify/ProductVariant/" + line.variantId());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncPagesOnlyWhatChangedIncludingAProductWithManyVariants(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(30, 45, ShopifyAuthMode.CLIENT_CREDENTIALS)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);
            fake.clock().advance(Duration.ofHours(1));
            Map<String, String> edited = shop.editProducts(2);
            ShopifyProduct large = fake.products().stream().filter(p -> p.variants().size() > 50).findFirst().orElseThrow();
            fake.reprice(large.id(), new BigDecimal("1234.56"));
            shop.editOrders(4);
            fake.clearRequests();

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.updatedCount()).as("3 products and their first variants").isEqualTo(6);
            assertThat(products.readCount()).isEqualTo(3 + 1 + 2 + large.variants().size());
            assertThat(orders.updatedCount()).isEqualTo(4);
            assertThat(orders.readCount()).isEqualTo(4);
            assertThat(f.storedPrices(id)).containsAllEntriesOf(edited)
                    .containsEntry(large.variants().get(0).gid(), "1234.56");
            assertThat(fake.requests(BULK)).as("incremental reads page").isEmpty();
            assertThat(fake.requests("TributaryProductVariants")).singleElement()
                    .satisfies(r -> assertThat(r.variables()).containsEntry("id", large.gid()));
            for (ShopifyRequest list : List.of(fake.requests(PRODUCTS).get(0), fake.requests(ORDERS).get(0))) {
                assertThat(list.variables()).containsEntry("sortKey", "UPDATED_AT").containsEntry("after", null);
                assertThat(list.variables()).as("the bulk operation's start, minus the lookback")
                        .containsEntry("query", "updated_at:>='2026-11-20T08:55:00Z'");
            }
            assertThat(fake.tokensIssued()).as("one token per connector instance, kept between calls").isEqualTo(4);
            assertThat(fake.requests()).extracting(ShopifyRequest::operation)
                    .as("the whole cost of both syncs (the currency as the first sync read it)")
                    .containsExactly("", PRODUCTS, "TributaryProductVariants", "", ORDERS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void ordersEditedWhilePagesAreReadAreStoredInTheirLatestState(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(5, 80, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.ORDERS);
            fake.clock().advance(Duration.ofHours(1));
            List<ShopifyOrder> all = fake.orders();
            all.forEach(o -> fake.restatus(o.id(), "PENDING", "UNFULFILLED"));
            fake.faults().afterRequests(ORDERS, 2, () -> {
                for (ShopifyOrder o : List.of(all.get(1), all.get(30), all.get(79))) {
                    fake.restatus(o.id(), "VOIDED", "FULFILLED");
                }
            });

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.faults().pendingHooks()).isZero();
            assertThat(fake.requests(ORDERS).size()).as("several pages").isGreaterThan(3);
            Map<String, StoredOrder> stored = f.storedOrders(id);
            for (ShopifyOrder o : fake.orders()) {
                ShopifyOrder now = fake.order(o.id());
                assertThat(stored.get(o.gid()).status()).as(o.name())
                        .isEqualTo(now.cancelledAt() != null ? "cancelled" : now.financialStatus().toLowerCase(Locale.ROOT));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void waitsForTheCostBucketAnd429sAndAMalformedPageFailsTheRunWhichTheNextResumes(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(5, 120, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.ORDERS);
            fake.clock().advance(Duration.ofHours(1));
            fake.orders().forEach(o -> fake.restatus(o.id(), "PARTIALLY_REFUNDED", "FULFILLED"));
            fake.throttle(400, 400);
            fake.drainBucket();
            fake.faults().tooManyRequests(ORDERS, 1, Duration.ofSeconds(1));
            fake.faults().connectionReset(ORDERS, 1);
            fake.faults().afterRequests(ORDERS, 6, () -> fake.faults().malformedJson(ORDERS, 1));

            long start = System.nanoTime();
            SyncRun failed = f.sync(id, EntityType.ORDERS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After and the restore rate were waited for")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).startsWith("POST " + fake.shopUrl() + "admin/api/2026-10/graphql.json "
                    + "answered HTTP 200 with malformed JSON");
            assertThat(failed.updatedCount()).isPositive().isLessThan(120);

            SyncRun resumed = f.sync(id, EntityType.ORDERS);
            assertThat(resumed.outcome()).as(resumed.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(failed.updatedCount() + resumed.updatedCount()).isEqualTo(120);
            assertThat(f.storedOrders(id).values()).allSatisfy(o -> assertThat(o.status()).isIn("partially_refunded",
                    "cancelled"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aBulkOperationThatCannotRunFallsBackToPagesAndSaysSo(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(25, 40, ShopifyAuthMode.TOKEN);
                LogCapture log = LogCapture.begin()) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            fake.failNextBulk("INTERNAL_SERVER_ERROR");
            fake.refuseNextBulk("A bulk query operation for this app and shop is already in progress: "
                    + "gid://shopify/BulkOperation/1.");

            SyncRun products = f.fullSync(id, EntityType.PRODUCTS);
            SyncRun orders = f.fullSync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedPrices(id)).hasSameSizeAs(shop.productPrices());
            assertThat(f.storedOrders(id)).hasSize(40);
            assertThat(fake.requests(PRODUCTS)).isNotEmpty();
            assertThat(fake.requests(ORDERS)).isNotEmpty();
            assertThat(log.text()).contains("Shopify refused to start a bulk export of products (\"A bulk query "
                    + "operation for this app and shop is already in progress: gid://shopify/BulkOperation/1.\"); "
                    + "reading products page by page instead.")
                    .contains("Shopify's bulk export of orders ended FAILED (INTERNAL_SERVER_ERROR); reading orders "
                            + "page by page instead.");
            assertThat(products.notes()).as("said in the run too").containsExactly("Shopify refused to start a bulk "
                    + "export of products (\"A bulk query operation for this app and shop is already in progress: "
                    + "gid://shopify/BulkOperation/1.\"); products were read page by page instead.");
            assertThat(orders.notes()).as("the app has read_all_orders: its orders' ids were listed too")
                    .containsExactly("Shopify's bulk export of orders ended FAILED (INTERNAL_SERVER_ERROR); orders "
                            + "were read page by page instead.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRevokedMintedTokenIsMintedAgainAndNoCredentialReachesTheLogsOrTheStore(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(10, 60, ShopifyAuthMode.CLIENT_CREDENTIALS);
                LogCapture log = LogCapture.begin()) {
            FakeShopify fake = shop.fake();
            long app = f.connect(shop.settings());
            long token = f.connect(FakeShopifyShop.token(fake.shopUrl(), fake.token()));
            f.sync(app, EntityType.ORDERS);
            fake.clock().advance(Duration.ofHours(1));
            fake.orders().forEach(o -> fake.restatus(o.id(), "REFUNDED", "FULFILLED"));
            fake.faults().afterRequests(ORDERS, 1, fake::revokeTokens);

            SyncRun run = f.sync(app, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.updatedCount()).isEqualTo(60);
            assertThat(fake.tokensIssued()).as("one per sync, and one after the revocation").isEqualTo(3);
            assertThat(f.sync(token, EntityType.ORDERS).outcome()).as("its token was revoked too")
                    .isEqualTo(SyncRun.Outcome.FAILED);
            String logged = log.text();
            assertThat(logged).contains("POST " + fake.shopUrl() + "admin/api/2026-10/graphql.json")
                    .contains("X-Shopify-Access-Token=****");
            List<String> secrets = new java.util.ArrayList<>(List.of(fake.token(), fake.clientId(), fake.clientSecret()));
            fake.requests().stream().map(ShopifyRequest::accessToken).filter(t -> t != null).forEach(secrets::add);
            String stored = TestRows.string(f.store, "SELECT GROUP_CONCAT(CONCAT(options_json, secrets_encrypted)) "
                    + "FROM connection");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
                assertThat(stored).doesNotContain(secret);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFullSyncWhoseDownloadBreaksFailsAndTheNextStartsANewExport(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopifyShop shop = FakeShopifyShop.start(20, 30, ShopifyAuthMode.TOKEN)) {
            FakeShopify fake = shop.fake();
            long id = f.connect(shop.settings());
            fake.faults().connectionReset("/bulk-results/", 1);

            SyncRun failed = f.sync(id, EntityType.ORDERS);
            SyncRun next = f.sync(id, EntityType.ORDERS);

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).startsWith("The connection to ").contains("was lost before a complete "
                    + "answer arrived");
            assertThat(next.outcome()).as(next.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(next.insertedCount()).isEqualTo(30);
            assertThat(fake.requests(BULK)).hasSize(2);
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt()).as("the second export's start")
                    .isEqualTo(fake.clock().instant());
        }
    }
}
