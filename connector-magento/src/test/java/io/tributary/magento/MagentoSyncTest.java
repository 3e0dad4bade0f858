package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.testing.LogCapture;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.magento.FakeMagento;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Magento through the sync engine into a real store (H2 and MariaDB), against the fake shop. */
class MagentoSyncTest {
    private static final String PRODUCTS = "/rest/V1/products";
    private static final String ORDERS = "/rest/V1/orders";
    private static final String TOKEN = "/rest/V1/integration/admin/token";
    private static final String CONFIGS = "/rest/V1/store/storeConfigs";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void fullSyncStoresEveryRecordExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(120, 150, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            FakeMagento fake = shop.fake();
            assertThat(products.insertedCount()).isEqualTo(fake.productIds().size());
            assertThat(exact(f.storedPrices(id))).containsExactlyInAnyOrderEntriesOf(exact(shop.productPrices()));
            Map<String, StoredProduct> stored = f.products(id).stream()
                    .collect(Collectors.toMap(StoredProduct::externalId, p -> p));
            int children = 0;
            for (int productId : fake.productIds()) {
                JsonNode source = fake.product(productId);
                StoredProduct product = stored.get(Integer.toString(productId));
                assertThat(product.sku()).isEqualTo(source.get("sku").asText());
                assertThat(product.name()).isEqualTo(source.get("name").asText());
                assertThat(product.type()).isEqualTo(source.get("type_id").asText());
                assertThat(product.status()).isEqualTo(source.get("status").asInt() == 1 ? "enabled" : "disabled");
                assertThat(product.currency()).isEqualTo("EUR");
                assertThat(product.stockQuantity()).as("not in Magento's list answers").isNull();
                List<Integer> parents = fake.parentIds(productId);
                assertThat(product.parentExternalId()).isEqualTo(parents.isEmpty() ? null : parents.get(0).toString());
                children += parents.isEmpty() ? 0 : 1;
            }
            assertThat(children).as("configurable children in the catalogue").isGreaterThan(10);

            assertThat(orders.insertedCount()).isEqualTo(150);
            Map<String, StoredOrder> storedOrders = f.storedOrders(id);
            int configurableLines = 0;
            for (int orderId : fake.orderIds()) {
                JsonNode source = fake.order(orderId);
                StoredOrder order = storedOrders.get(Integer.toString(orderId));
                assertThat(order.number()).isEqualTo(source.get("increment_id").asText());
                assertThat(order.total()).isEqualByComparingTo(source.get("grand_total").decimalValue());
                assertThat(order.totalTax()).isEqualByComparingTo(source.get("tax_amount").decimalValue());
                assertThat(order.discountTotal()).isEqualByComparingTo(source.get("discount_amount").decimalValue().negate());
                assertThat(order.status()).isEqualTo(source.get("status").asText());
                assertThat(order.currency()).isEqualTo("EUR");
                assertThat(order.customerEmail()).isEqualTo(source.get("customer_email").asText());
                assertThat(order.customerPhone()).isEqualTo(source.path("billing_address").path("telephone").asText(null));
                assertThat(order.customerId()).as("attached to a customer by its e-mail").isNotNull();
                assertThat(order.createdAt()).isEqualTo(Instant.parse(source.get("created_at").asText().replace(' ', 'T') + "Z"));
                List<JsonNode> topLevel = new ArrayList<>();
                Map<Integer, JsonNode> childOf = new HashMap<>();
                for (JsonNode item : source.get("items")) {
                    if (item.has("parent_item_id")) {
                        childOf.put(item.get("parent_item_id").asInt(), item);
                    } else {
                        topLevel.add(item);
                    }
                }
                assertThat(order.lines()).hasSize(topLevel.size());
                for (int i = 0; i < topLevel.size(); i++) {
                    JsonNode item = topLevel.get(i);
                    StoredOrder.Line line = order.lines().get(i);
                    JsonNode child = childOf.get(item.get("item_id").asInt());
                    assertThat(line.sku()).isEqualTo(item.get("sku").asText());
                    assertThat(line.total()).isEqualByComparingTo(item.get("row_total").decimalValue());
                    assertThat(line.unitPrice()).isEqualByComparingTo(item.get("price").decimalValue());
                    assertThat(line.productExternalId())
                            .isEqualTo((child != null ? child : item).get("product_id").asText());
                    configurableLines += child != null ? 1 : 0;
                }
            }
            assertThat(configurableLines).as("lines bought through a configurable product").isGreaterThan(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void everyPageSaysHowFarTheReadHasComeFromTotalCount(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(30, 250, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());

            assertThat(f.progressOfSync(id, EntityType.ORDERS, true)).containsExactly("100/250", "200/250", "250/250");
            int products = shop.fake().productIds().size();
            assertThat(f.progressOfSync(id, EntityType.PRODUCTS, true)).endsWith(products + "/" + products);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncReadsOnlyWhatChanged(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(120, 150, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);
            shop.fake().clock().advance(Duration.ofHours(1));
            Map<String, String> editedProducts = shop.editProducts(3);
            shop.editOrders(4);
            int configurable = shop.fake().productIds().stream().filter(p -> !shop.fake().childIds(p).isEmpty())
                    .findFirst().orElseThrow();
            int simple = Integer.parseInt(editedProducts.keySet().iterator().next());
            shop.fake().clock().advance(Duration.ofSeconds(1));
            shop.fake().linkChild(configurable, simple); // saves the configurable, not the simple product
            shop.fake().requests().clear();

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.updatedCount()).as("3 prices (one product also newly linked), the configurable saved")
                    .isEqualTo(4);
            assertThat(products.readCount()).as("the edits, the configurable and its children").isLessThan(12);
            assertThat(orders.updatedCount()).isEqualTo(4);
            assertThat(orders.insertedCount()).isZero();
            assertThat(orders.readCount()).as("the edits, and what the 5-minute lookback re-reads").isLessThan(10);
            assertThat(exact(f.storedPrices(id))).containsAllEntriesOf(exact(editedProducts));
            assertThat(f.products(id)).filteredOn(p -> p.externalId().equals(Integer.toString(simple)))
                    .singleElement().satisfies(p -> assertThat(p.parentExternalId())
                            .isEqualTo(Integer.toString(Math.min(configurable, shop.fake().parentIds(simple).get(0)))));
            List<RecordedRequest> lists = shop.fake().requests().matching(ORDERS);
            assertThat(lists).isNotEmpty().allSatisfy(r -> {
                assertThat(r.queryParameter("searchCriteria[filter_groups][0][filters][0][field]")).contains("updated_at");
                assertThat(r.queryParameter("searchCriteria[filter_groups][0][filters][0][condition_type]")).contains("gteq");
                assertThat(r.queryParameter("searchCriteria[pageSize]")).contains("100");
                assertThat(r.queryParameter("searchCriteria[currentPage]")).isEmpty();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncListsNoConfigurablesItDidNotReadNorReadsTheCurrencyAgain(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(400, 10, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            f.sync(id, EntityType.PRODUCTS);
            assertThat(configurableListings(fake)).as("a read from the start lists every configurable's links")
                    .isPositive();
            assertThat(fake.requests().matching(CONFIGS)).as("a read from the start reads the currency").hasSize(1);
            int child = fake.productIds().stream().filter(p -> fake.parentIds(p).size() == 1).findFirst().orElseThrow();
            fake.clock().advance(Duration.ofHours(1));
            fake.editProduct(child, p -> p.price("12.50"));
            fake.requests().clear();

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(configurableListings(fake)).as("the child's parent came from the database").isZero();
            assertThat(fake.requests().matching(CONFIGS)).as("the currency, as the first sync read it").isEmpty();
            assertThat(f.products(id)).filteredOn(p -> p.externalId().equals(Integer.toString(child)))
                    .singleElement().satisfies(p -> {
                        assertThat(p.parentExternalId()).isEqualTo(fake.parentIds(child).get(0).toString());
                        assertThat(p.price()).isEqualByComparingTo("12.50");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aChildLetGoByItsConfigurableIsStoredWithoutItOrWithItsOtherParent(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(400, 10, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            List<Integer> configurables = fake.productIds().stream().filter(p -> !fake.childIds(p).isEmpty())
                    .toList();
            int first = configurables.get(0);
            int second = configurables.get(1);
            int alone = fake.childIds(first).stream().filter(c -> fake.parentIds(c).size() == 1).findFirst()
                    .orElseThrow();
            int shared = fake.childIds(first).stream().filter(c -> c != alone && fake.parentIds(c).size() == 1)
                    .findFirst().orElseThrow();
            fake.linkChild(second, shared); // a child of both: linked to the lower id, the first
            f.sync(id, EntityType.PRODUCTS);
            assertThat(storedParent(f, id, shared)).isEqualTo(Integer.toString(first));
            fake.clock().advance(Duration.ofHours(1));
            fake.unlinkChild(first, alone); // saves the first configurable, not its children
            fake.unlinkChild(first, shared);
            fake.requests().clear();

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(storedParent(f, id, alone)).as("a child nobody holds any more").isNull();
            assertThat(storedParent(f, id, shared)).as("the configurable that still holds it")
                    .isEqualTo(Integer.toString(second));
            assertThat(configurableListings(fake)).as("who else holds a child let go: every configurable, once")
                    .isPositive();
        }
    }

    private static String storedParent(SyncFixture f, long connectionId, int productId) {
        return f.products(connectionId).stream().filter(p -> p.externalId().equals(Integer.toString(productId)))
                .findFirst().orElseThrow().parentExternalId();
    }

    /** Requests that listed the catalogue's configurable products (to learn every child's parent). */
    private static long configurableListings(FakeMagento fake) {
        return fake.requests().matching(PRODUCTS).stream()
                .filter(r -> r.queryParameter("searchCriteria[filter_groups][0][filters][0][value]")
                        .map("configurable"::equals).orElse(false))
                .count();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsEditedWhileASyncRunsAreNotLostNorIsAnEqualSecondGroupLargerThanAPage(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(10, 320, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            Map<String, Long> perSecond = fake.orderIds().stream().map(o -> fake.order(o).get("updated_at").asText())
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            String groupSecond = perSecond.entrySet().stream().filter(e -> e.getValue() > 100).findFirst()
                    .orElseThrow().getKey();
            List<Integer> group = fake.orderIds().stream()
                    .filter(o -> fake.order(o).get("updated_at").asText().equals(groupSecond)).toList();
            List<Integer> all = fake.orderIds();
            // after the second page: edit orders of the group (read and not yet read) and orders elsewhere
            fake.afterRequests(ORDERS, 2, () -> {
                for (int o : List.of(group.get(1), group.get(group.size() - 2), all.get(3), all.get(all.size() - 1))) {
                    fake.clock().advance(Duration.ofSeconds(1));
                    fake.editOrder(o, e -> e.status("complete", "complete").customerEmail("edited-" + o + "@example.org"));
                }
            });

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.server().pendingHooks()).as("the edit hook ran").isZero();
            Map<String, StoredOrder> stored = f.storedOrders(id);
            assertThat(stored).hasSize(320);
            for (int o : all) {
                assertThat(stored.get(Integer.toString(o)).customerEmail()).as("order " + o)
                        .isEqualTo(fake.order(o).get("customer_email").asText());
            }
            List<RecordedRequest> insideTheGroup = fake.requests().matching(ORDERS).stream()
                    .filter(r -> r.queryParameter("searchCriteria[filter_groups][1][filters][0][value]")
                            .map(groupSecond::equals).orElse(false))
                    .toList();
            assertThat(insideTheGroup).as("the group was walked by entity_id, never by page number").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.queryParameter("searchCriteria[filter_groups][1][filters][1][field]"))
                            .contains("entity_id"));
            assertThat(f.cursors.load(id, EntityType.ORDERS)).isEqualTo(SyncCursor.of(
                    Instant.parse(fake.order(all.get(all.size() - 1)).get("updated_at").asText().replace(' ', 'T') + "Z"),
                    Integer.toString(all.get(all.size() - 1))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void editsInTheHourThatRepeatsInTheShopsTimeZoneAreReadInOrder(TestDatabase.Backend backend) {
        // Magento keeps and compares updated_at in UTC, whatever the store's time zone (Europe/Paris here): the
        // hour that repeats when daylight saving time ends has no effect on the order, unlike WooCommerce's.
        Instant start = Instant.parse("2025-10-26T00:00:00Z");
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = new FakeMagentoShop(FakeMagento.builder().products(5).orders(240).seed(9)
                        .clockStart(start).start(), MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.ORDERS);
            FakeMagento fake = shop.fake();
            List<Integer> orders = fake.orderIds();
            for (int i = 0; i < orders.size(); i++) {
                fake.clock().set(start.plusSeconds(i * 30L));
                fake.editOrder(orders.get(i), e -> e.status("closed", "closed"));
            }

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.updatedCount()).isEqualTo(240);
            assertThat(f.storedOrders(id).values()).allSatisfy(o -> assertThat(o.status()).isEqualTo("closed"));
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt()).isEqualTo(start.plusSeconds(239 * 30L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void adminTokensAreKeptRenewedAfterARefusalAndARefusedPasswordIsSentOnce(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(10, 260, MagentoAuthMode.ADMIN)) {
            FakeMagento fake = shop.fake();
            long id = f.connect(shop.settings());
            fake.afterRequests(ORDERS, 1, fake::revokeAdminTokens);

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.insertedCount()).isEqualTo(260);
            assertThat(fake.requests().matching(TOKEN)).as("one sign-in, one after the revocation").hasSize(2);
            assertThat(fake.requests().matching(ORDERS)).as("3 pages and the refused call once more").hasSize(4);

            long wrong = f.connect(shop.withBadCredentials());
            fake.requests().clear();
            SyncRun refused = f.sync(wrong, EntityType.PRODUCTS);
            assertThat(refused.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(refused.errorMessage()).startsWith("Magento refused the admin user name or password");
            assertThat(fake.requests().matching(TOKEN)).hasSize(1);
            assertThat(fake.requests().all()).hasSize(1);
            assertThat(fake.adminFailures(fake.adminUsername())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void waitsOut429AndSurvivesResetsAndAMalformedPageFailsTheRunWhichTheNextResumes(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(60, 250, MagentoAuthMode.BEARER)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            fake.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(1)), 1, PRODUCTS);
            fake.faults().inject(Fault.connectionReset(), 1, PRODUCTS);
            fake.afterRequests(ORDERS, 2, () -> fake.faults().inject(Fault.malformedJson(), 1, ORDERS));

            long start = System.nanoTime();
            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            SyncRun failed = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(exact(f.storedPrices(id))).containsExactlyInAnyOrderEntriesOf(exact(shop.productPrices()));
            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).startsWith("GET " + fake.apiUrl() + "/orders answered HTTP 200 with "
                    + "malformed JSON");
            assertThat(failed.insertedCount()).isEqualTo(200).isEqualTo(TestRows.count(f.store, "SELECT COUNT(*) FROM orders"));

            SyncRun resumed = f.sync(id, EntityType.ORDERS);
            assertThat(resumed.outcome()).as(resumed.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(resumed.insertedCount()).isEqualTo(50);
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM orders")).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void amountsPrintedWithPhpsLegacyPrecisionAreStoredExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop clean = FakeMagentoShop.start(40, 60, MagentoAuthMode.INTEGRATION);
                FakeMagentoShop legacy = new FakeMagentoShop(FakeMagento.builder().products(40).orders(60).seed(7)
                        .legacyFloatPrecision(true).start(), MagentoAuthMode.INTEGRATION)) {
            assertThat(legacy.orderTotals()).as("the legacy shop prints float noise")
                    .isNotEqualTo(exact(clean.orderTotals()));
            long id = f.connect(legacy.settings());

            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);

            assertThat(exact(f.storedPrices(id))).containsExactlyInAnyOrderEntriesOf(exact(clean.productPrices()));
            Map<String, String> totals = new HashMap<>();
            f.storedOrders(id).forEach((k, v) -> totals.put(k, v.total().toPlainString()));
            assertThat(exact(totals)).containsExactlyInAnyOrderEntriesOf(exact(clean.orderTotals()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void noCredentialReachesTheLogsOrTheStoreInAnyMode(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(30, 30, MagentoAuthMode.BEARER);
                LogCapture log = LogCapture.begin()) {
            FakeMagento fake = shop.fake();
            List<String> secrets = new ArrayList<>(List.of(fake.adminPassword(), fake.integration().consumerSecret(),
                    fake.integration().accessToken(), fake.integration().accessTokenSecret()));
            for (MagentoAuthMode mode : MagentoAuthMode.values()) {
                ConnectionSettings settings = FakeMagentoShop.settings(fake.apiUrl(), mode, fake.integration(),
                        fake.adminUsername(), fake.adminPassword());
                long id = f.connect(settings);
                try (var connector = new MagentoConnectorProvider().open(f.connections.settings(id),
                        io.tributary.spi.ConnectorContext.of(java.time.Clock.systemUTC(), f.http))) {
                    assertThat(connector.verify().ok()).isTrue();
                }
                assertThat(f.sync(id, EntityType.ORDERS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            }
            f.sync(f.connect(shop.withBadCredentials()), EntityType.PRODUCTS);
            String logged = log.text();
            assertThat(logged).contains("GET " + fake.apiUrl() + "/orders?").contains("Authorization=****");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
            }
            // every admin token the fake issues is a JWT starting with this header
            assertThat(logged).doesNotContain("eyJraWQiOiIxIiwiYWxnIjoiSFMyNTYifQ").doesNotContain("OAuth oauth_");
            String stored = TestRows.string(f.store, "SELECT GROUP_CONCAT(CONCAT(options_json, secrets_encrypted)) "
                    + "FROM connection");
            for (String secret : secrets) {
                assertThat(stored).doesNotContain(secret);
            }
            assertThat(stored).doesNotContain(fake.adminUsername());
        }
    }

    /** Amounts compared by value: the store reads money back with at least two decimals ("12.5" as "12.50"). */
    private static Map<String, String> exact(Map<String, String> amounts) {
        Map<String, String> normalized = new HashMap<>();
        amounts.forEach((k, v) -> normalized.put(k, v.isEmpty() ? v : new java.math.BigDecimal(v).stripTrailingZeros()
                .toPlainString()));
        return normalized;
    }
}
