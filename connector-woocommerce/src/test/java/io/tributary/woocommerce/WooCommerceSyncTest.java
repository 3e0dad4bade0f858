package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.HttpPolicy;
import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.run.RejectedRecords;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.testing.LogCapture;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.contract.Verifier;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WooCommerce through the sync engine into a real store (H2 and MariaDB), against the fake shop. */
class WooCommerceSyncTest {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";
    private static final String ORDERS = "/wp-json/wc/v3/orders";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void fullSyncStoresEveryRecordExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(400, 500)) {
            long id = f.connect(shop.settings());

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            Map<String, String> expectedPrices = shop.productPrices();
            assertThat(products.insertedCount()).isEqualTo(expectedPrices.size());
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(expectedPrices);
            assertThat(orders.insertedCount()).isEqualTo(500);

            FakeWooCommerce fake = shop.fake();
            Map<String, StoredOrder> stored = f.storedOrders(id);
            for (int orderId : fake.orderIds()) {
                JsonNode source = fake.order(orderId);
                StoredOrder order = stored.get(Integer.toString(orderId));
                assertThat(order.total().toPlainString()).isEqualTo(source.get("total").asText());
                assertThat(order.status()).isEqualTo(source.get("status").asText());
                assertThat(order.currency()).isEqualTo(source.get("currency").asText());
                assertThat(order.lines()).hasSize(source.get("line_items").size());
                assertThat(order.customerPhone()).isEqualTo(source.path("billing").path("phone").asText(null));
                assertThat(order.customerId()).as("attached to a customer by its billing e-mail").isNotNull();
                BigDecimal refunded = BigDecimal.ZERO;
                for (JsonNode refund : source.get("refunds")) {
                    refunded = refunded.add(new BigDecimal(refund.get("total").asText()).negate());
                }
                assertThat(order.refundedTotal()).isEqualByComparingTo(refunded);
                assertThat(order.total()).as("a refund changes no other amount")
                        .isEqualByComparingTo(source.get("total").asText());
                JsonNode firstLine = source.get("line_items").get(0);
                assertThat(order.lines().get(0).sku()).isEqualTo(io.tributary.http.Json.text(firstLine, "sku"));
                assertThat(order.lines().get(0).total().toPlainString()).isEqualTo(firstLine.get("total").asText());
                assertThat(order.lines().get(0).quantity()).isEqualByComparingTo(firstLine.get("quantity").decimalValue());
                assertThat(order.createdAt()).isEqualTo(Instant.parse(source.get("date_created_gmt").asText() + "Z"));
            }
            // line names arrive HTML-escaped (Rooibos &amp; vanille &ndash; 250 g) and are stored as the products'
            // own names are: decoded once, in the mapper
            Map<String, String> productNames = new java.util.HashMap<>();
            f.products(id).forEach(p -> productNames.put(p.externalId(), p.name()));
            List<StoredOrder.Line> lines = stored.values().stream()
                    .flatMap(o -> o.lines().stream()).toList();
            assertThat(lines).allSatisfy(line -> assertThat(line.name())
                    .isEqualTo(productNames.getOrDefault(line.productExternalId(), line.name()))
                    .doesNotContain("&amp;", "&ndash;", "&quot;"));
            assertThat(lines).as("some line names carried entities").anySatisfy(line -> assertThat(line.name())
                    .containsAnyOf("&", "–", "«"));
            int variable = fake.productIds().stream().filter(p -> !fake.variationIds(p).isEmpty()).findFirst().orElseThrow();
            int variation = fake.variationIds(variable).get(0);
            StoredProduct stored1 = f.products(id).stream()
                    .filter(p -> p.externalId().equals(Integer.toString(variation))).findFirst().orElseThrow();
            assertThat(stored1.parentExternalId()).isEqualTo(Integer.toString(variable));
            assertThat(stored1.type()).isEqualTo("variation");
            assertThat(stored1.currency()).as("the shop's currency").isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void everyPageSaysHowFarTheReadHasComeFromXWpTotal(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(250, 230)) {
            long id = f.connect(shop.settings());

            List<String> products = f.progressOfSync(id, EntityType.PRODUCTS, true);
            List<String> orders = f.progressOfSync(id, EntityType.ORDERS, true);

            int parents = shop.fake().productIds().size();
            assertThat(products).as("a product with its variations counts once, as the shop counts it")
                    .doesNotContain("?").endsWith(parents + "/" + parents);
            assertThat(products.get(0)).isEqualTo("100/" + parents);
            // each deeper request overlaps the end of the one before: 199, not 200, distinct orders after two
            assertThat(orders).containsExactly("100/230", "199/230", "230/230");

            // incremental: the total is what changed since the cursor (minus the lookback), not the whole shop
            shop.fake().clock().advance(Duration.ofHours(1));
            shop.editOrders(4);
            List<String> incremental = f.progressOfSync(id, EntityType.ORDERS, false);
            assertThat(incremental).as("the 4 edits and what the lookback reads again, in one page").hasSize(1);
            String[] doneOfTotal = incremental.get(0).split("/");
            assertThat(doneOfTotal[0]).isEqualTo(doneOfTotal[1]);
            assertThat(Integer.parseInt(doneOfTotal[1])).isBetween(4, 10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncReadsOnlyWhatChanged(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(400, 500)) {
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);
            shop.fake().clock().advance(Duration.ofHours(1));
            Map<String, String> editedProducts = shop.editProducts(3);
            shop.editOrders(4);
            shop.fake().requests().clear();

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.updatedCount()).isEqualTo(3);
            assertThat(products.insertedCount()).isZero();
            assertThat(products.readCount()).as("the edits, and what the 5-minute lookback re-reads").isLessThan(20);
            assertThat(orders.updatedCount()).isEqualTo(4);
            assertThat(orders.readCount()).isLessThan(20);
            assertThat(f.storedPrices(id)).containsAllEntriesOf(editedProducts);
            List<RecordedRequest> lists = shop.fake().requests().matching(PRODUCTS).stream()
                    .filter(r -> r.path().equals(PRODUCTS)).toList();
            assertThat(lists).isNotEmpty().allSatisfy(r -> {
                assertThat(r.queryParameter("modified_after")).isPresent();
                assertThat(r.queryParameter("dates_are_gmt")).as("local time, see WooCommerceModifiedAfter").isEmpty();
                assertThat(r.queryParameter("orderby")).contains("modified");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aPartialRefundIsStoredBesideTheUnchangedTotal(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(20, 30)) {
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.ORDERS);
            FakeWooCommerce fake = shop.fake();
            int orderId = fake.orderIds().stream().filter(o -> fake.order(o).get("status").asText().equals("completed"))
                    .findFirst().orElseThrow();
            String total = fake.order(orderId).get("total").asText();
            assertThat(f.storedOrders(id).get(Integer.toString(orderId)).refundedTotal()).isEqualByComparingTo("0");
            fake.clock().advance(Duration.ofHours(1));
            fake.editOrder(orderId, edit -> edit.refund("4.90", "Shipping refunded").refund("0.10", "Rounding"));

            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(orders.updatedCount()).isEqualTo(1);
            StoredOrder stored = f.storedOrders(id).get(Integer.toString(orderId));
            assertThat(stored.total()).isEqualByComparingTo(total);
            assertThat(stored.refundedTotal()).isEqualByComparingTo("5.00");
            assertThat(stored.netTotal()).isEqualByComparingTo(new BigDecimal(total).subtract(new BigDecimal("5.00")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void awkwardPricesAndCurrenciesOfZeroAndThreeDecimalsAreStoredExactly(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(20, 10)) {
            FakeWooCommerce fake = shop.fake();
            List<Integer> simple = fake.productIds().stream()
                    .filter(p -> fake.product(p).get("type").asText().equals("simple")).limit(5).toList();
            assertThat(simple).hasSize(5);
            Map<Integer, String> prices = Map.of(simple.get(0), "0.10", simple.get(1), "1e3", simple.get(2),
                    "19.999", simple.get(3), "99999999999999.999999");
            prices.forEach((p, price) -> fake.damageProduct(p, json -> json.put("price", price)));
            fake.damageProduct(simple.get(4), json -> json.put("price", 0.1)); // a JSON number, as a plugin may send
            int yen = fake.orderIds().get(0);
            int dinar = fake.orderIds().get(1);
            fake.damageOrder(yen, json -> json.put("currency", "JPY").put("total", "1500").put("total_tax", "136"));
            fake.damageOrder(dinar, json -> json.put("currency", "KWD").put("total", "12.345")
                    .put("total_tax", "0.615"));
            // lines of products deleted since: WooCommerce keeps the line, with its old id or 0
            int orphan = fake.orderIds().get(2);
            fake.damageOrder(orphan, json -> {
                ((ObjectNode) json.withArray("line_items").get(0)).put("product_id", 999_999).put("variation_id", 0);
                if (json.withArray("line_items").size() > 1) {
                    ((ObjectNode) json.withArray("line_items").get(1)).put("product_id", 0).put("variation_id", 0);
                }
            });
            int orphanLines = fake.order(orphan).get("line_items").size();
            long id = f.connect(shop.settings());

            assertThat(f.sync(id, EntityType.PRODUCTS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.sync(id, EntityType.ORDERS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);

            Map<String, String> stored = f.storedPrices(id);
            prices.forEach((p, price) -> assertThat(new BigDecimal(stored.get(Integer.toString(p))))
                    .as("product " + p + " priced " + price).isEqualByComparingTo(new BigDecimal(price)));
            assertThat(new BigDecimal(stored.get(Integer.toString(simple.get(4))))).isEqualByComparingTo("0.1");
            StoredOrder yenOrder = f.storedOrders(id).get(Integer.toString(yen));
            assertThat(yenOrder.currency()).isEqualTo("JPY");
            assertThat(yenOrder.total()).isEqualByComparingTo("1500");
            assertThat(yenOrder.totalTax()).isEqualByComparingTo("136");
            StoredOrder dinarOrder = f.storedOrders(id).get(Integer.toString(dinar));
            assertThat(dinarOrder.currency()).isEqualTo("KWD");
            assertThat(dinarOrder.total()).isEqualByComparingTo("12.345");
            assertThat(dinarOrder.totalTax()).isEqualByComparingTo("0.615");
            StoredOrder orphanOrder = f.storedOrders(id).get(Integer.toString(orphan));
            assertThat(orphanOrder.lines()).as("every line kept, products gone or not").hasSize(orphanLines);
            assertThat(orphanOrder.lines().get(0).productExternalId()).isEqualTo("999999");
            assertThat(orphanOrder.lines().get(0).name()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void hundredsOfOrdersSharingOneModificationSecondAcrossPagesAreEachReadOnce(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(5, 420)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            assertThat(f.sync(id, EntityType.ORDERS).insertedCount()).isEqualTo(420);

            // a bulk status change: 350 orders, more than three pages, all in the same second
            fake.clock().advance(Duration.ofMinutes(10));
            List<Integer> changed = fake.orderIds().subList(20, 370);
            changed.forEach(order -> fake.editOrder(order, e -> e.status("completed")));
            fake.requests().clear();

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.readCount()).as("each changed order read once, and what the lookback brings back")
                    .isGreaterThanOrEqualTo(350).isLessThan(350 + 100);
            assertThat(run.updatedCount()).isEqualTo(350);
            assertThat(run.insertedCount()).isZero();
            assertThat(fake.requests().matching(ORDERS)).as("pages of 100, overlapping by a few").hasSizeLessThan(8);
            assertThat(f.records.orders(id, "completed", 10_000).stream().map(StoredOrder::externalId).toList())
                    .containsAll(changed.stream().map(String::valueOf).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aMalformedRecordIsSetAsideWithItsReasonWhileTheRestOfItsPageIsStored(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(120, 60)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            int product = fake.productIds().stream()
                    .filter(p -> fake.product(p).get("type").asText().equals("simple")).findFirst().orElseThrow();
            int order = fake.orderIds().get(30);
            fake.damageProduct(product, json -> json.put("price", "12,50"));
            fake.damageOrder(order, json -> ((ObjectNode) json.get("line_items").get(0)).put("quantity", "lots"));

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(products.rejectedCount()).isEqualTo(1);
            assertThat(orders.rejectedCount()).isEqualTo(1);
            Map<String, String> expected = new HashMap<>(shop.productPrices());
            expected.remove(Integer.toString(product));
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(f.records.count("orders", id)).isEqualTo(59);

            RejectedRecords rejects = new RejectedRecords(f.store.dataSource());
            RejectedRecords.Rejected price = rejects.list(products.id(), null, null, 10).get(0);
            assertThat(price.externalId()).isEqualTo(Integer.toString(product));
            assertThat(price.reason()).isEqualTo("Record " + product + " has price '12,50', which is not a number.");
            assertThat(price.payload()).contains("\"price\":\"12,50\"");
            RejectedRecords.Rejected quantity = rejects.list(null, id, null, 10).get(0);
            assertThat(quantity.runId()).isEqualTo(orders.id());
            assertThat(quantity.externalId()).isEqualTo(Integer.toString(order));
            assertThat(quantity.reason()).contains("has quantity 'lots', which is not a number.");

            // mended at the source, it is read again with its next change
            fake.damageProduct(product, json -> { });
            fake.clock().advance(Duration.ofMinutes(1));
            fake.editProduct(product, e -> e.regularPrice("12.50").salePrice(null));
            SyncRun mended = f.sync(id, EntityType.PRODUCTS);
            assertThat(mended.rejectedCount()).isZero();
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsEditedWhileASyncRunsAreNotLost(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(600, 10)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            List<Integer> simple = fake.productIds().stream()
                    .filter(p -> fake.product(p).get("type").asText().equals("simple")).toList();
            // after the second list page: edit products from the pages already read, and some not read yet
            fake.afterRequests(PRODUCTS, 5, () -> {
                for (int i = 0; i < 6; i++) {
                    int product = simple.get(i * (simple.size() / 6));
                    fake.clock().advance(Duration.ofSeconds(1));
                    fake.editProduct(product, e -> e.regularPrice("999.9" + product % 10).salePrice(null));
                }
            });

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.server().pendingHooks()).as("the edit hook ran").isZero();
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void editsInTheRepeatedDaylightSavingHourAreNotLost(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(400, 10)) {
            long id = f.connect(shop.settings());
            f.sync(id, EntityType.PRODUCTS);
            FakeWooCommerce fake = shop.fake();
            List<Integer> simple = fake.productIds().stream()
                    .filter(p -> fake.product(p).get("type").asText().equals("simple")).toList();
            // 2025-10-26 in Paris: 02:00-03:00 local happens twice (00:00-01:00 and 01:00-02:00 UTC)
            Instant start = Instant.parse("2025-10-26T00:00:00Z");
            List<Integer> edited = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                int product = simple.get(i);
                fake.clock().set(start.plusSeconds(i * 30L));
                String price = new BigDecimal("50.00").add(BigDecimal.valueOf(i)).toPlainString();
                fake.editProduct(product, e -> e.regularPrice(price).salePrice(null));
                edited.add(product);
            }
            List<Integer> byLocal = new ArrayList<>(edited);
            byLocal.sort((a, b) -> fake.product(a).get("date_modified").asText()
                    .compareTo(fake.product(b).get("date_modified").asText()));
            assertThat(byLocal).as("the shop's local order differs from GMT order here").isNotEqualTo(edited);

            SyncRun run = f.sync(id, EntityType.PRODUCTS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.updatedCount()).isEqualTo(240);
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            assertThat(f.cursors.load(id, EntityType.PRODUCTS).modifiedAt()).isEqualTo(start.plusSeconds(239 * 30L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void waitsOut429AndSurvivesResetsButNeverRetriesRejectedCredentials(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(150, 150)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            fake.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(1)), 1, ORDERS);
            fake.faults().inject(Fault.connectionReset(), 1, PRODUCTS);

            long start = System.nanoTime();
            SyncRun orders = f.sync(id, EntityType.ORDERS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            SyncRun products = f.sync(id, EntityType.PRODUCTS);

            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.insertedCount()).isEqualTo(150);
            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.faults().pending()).isZero();

            long wrong = f.connect(shop.withBadCredentials());
            fake.requests().clear();
            SyncRun refused = f.sync(wrong, EntityType.ORDERS);
            assertThat(refused.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(refused.errorMessage()).isEqualTo("WooCommerce rejected the OAuth signature: check the consumer "
                    + "secret, and that the URL is exactly the shop's WordPress address (http or https, with or without www).");
            assertThat(fake.requests().matching(ORDERS)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aDeadShopFailsItsRunsFastAndTheFirstRunAfterItRecoversStoresEverything(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend, HttpPolicy.builder().requestsPerSecond(1000)
                .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(50))
                .circuitOpenFor(Duration.ofSeconds(2)).build());
                FakeWooCommerceShop shop = FakeWooCommerceShop.start(120, 0)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            fake.faults().inject(Fault.status(503), 1000, "/"); // every path: the shop is down, not one listing

            // 5 attempts per request (the default): the second run's attempts open the circuit at 10 in a row
            SyncRun first = f.sync(id, EntityType.PRODUCTS);
            SyncRun second = f.sync(id, EntityType.PRODUCTS);
            assertThat(first.errorMessage()).contains("failed with HTTP 503");
            assertThat(second.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            int sent = fake.requests().matching("/").size();
            assertThat(sent).isEqualTo(10);

            long start = System.nanoTime();
            SyncRun third = f.sync(id, EntityType.PRODUCTS);
            assertThat(third.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(third.errorMessage()).startsWith("Tributary stopped calling ").contains("after 10 failed "
                    + "attempts in a row; it tries again from ").contains("The last failure: ").contains("HTTP 503");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(fake.requests().matching("/")).as("nothing sent while the circuit is open").hasSize(sent);

            fake.faults().clear();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> f.sync(id, EntityType.PRODUCTS).outcome() == SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anAnswerSlowerThanTheReadTimeoutAndNoiseInsteadOfHttpMidSyncAreRetriedAndNothingIsLost(
            TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend, HttpPolicy.builder().requestsPerSecond(1000)
                .readTimeout(Duration.ofSeconds(1)).initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(50)).build());
                FakeWooCommerceShop shop = FakeWooCommerceShop.start(250, 250)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            // from the third request of each listing on: an answer that comes too late, bytes that are not HTTP
            fake.afterRequests(PRODUCTS, 2, () -> {
                fake.faults().inject(Fault.latency(Duration.ofSeconds(3)), 1, PRODUCTS);
                fake.faults().inject(Fault.garbage(), 1, PRODUCTS);
            });
            fake.afterRequests(ORDERS, 2, () -> fake.faults().inject(Fault.garbage(), 2, ORDERS));

            SyncRun products = f.sync(id, EntityType.PRODUCTS);
            SyncRun orders = f.sync(id, EntityType.ORDERS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.faults().pending()).as("every fault was met").isZero();
            assertThat(fake.server().pendingHooks()).isZero();
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            assertThat(orders.insertedCount()).isEqualTo(250);
            assertThat(f.records.count("orders", id)).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void variationsFetchedTogetherSurvivePushBackAndStayWithTheirParents(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend, HttpPolicy.builder().initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100)).build()); // the default adaptive rate, from 20 a second
                FakeWooCommerceShop shop = FakeWooCommerceShop.start(300, 1)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            // after the first page, variation requests are refused and reset while others of the page are in flight
            fake.afterRequests(PRODUCTS, 1, () -> {
                fake.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(1)), 2, PRODUCTS + "/");
                fake.faults().inject(Fault.status(503), 3, PRODUCTS + "/");
                fake.faults().inject(Fault.connectionReset(), 2, PRODUCTS + "/");
            });

            SyncRun products = f.sync(id, EntityType.PRODUCTS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.faults().pending()).isZero();
            Map<String, String> expected = shop.productPrices();
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(expected);
            Map<String, String> parents = new java.util.HashMap<>();
            f.products(id).forEach(p -> parents.put(p.externalId(), p.parentExternalId()));
            for (int product : fake.productIds()) {
                for (int variation : fake.variationIds(product)) {
                    assertThat(parents.get(Integer.toString(variation))).isEqualTo(Integer.toString(product));
                }
            }
            assertThat(f.http.currentRate("connection-" + id)).as("pushed back, never above the ceiling")
                    .isLessThan(1000);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void fromWooCommerce103VariationsComeByIdAHundredPerRequest(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(400, 1)) {
            FakeWooCommerce fake = shop.fake();
            fake.wooVersion("10.3.0");
            long id = f.connect(shop.settings());

            SyncRun products = f.sync(id, EntityType.PRODUCTS);

            assertThat(products.outcome()).as(products.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            Map<String, String> parents = new java.util.HashMap<>();
            f.products(id).forEach(p -> parents.put(p.externalId(), p.parentExternalId()));
            int variations = 0;
            for (int product : fake.productIds()) {
                for (int variation : fake.variationIds(product)) {
                    assertThat(parents.get(Integer.toString(variation))).isEqualTo(Integer.toString(product));
                    variations++;
                }
            }
            assertThat(fake.requests().matching(PRODUCTS + "/")).as("no request per product").isEmpty();
            int listings = fake.requests().matching(PRODUCTS).size();
            assertThat(fake.requests().matching("/wp-json/wc/v3/variations")).hasSizeBetween(listings - 1,
                    listings + variations / 100);

            int variable = fake.productIds().stream().filter(p -> !fake.variationIds(p).isEmpty()).findFirst()
                    .orElseThrow();
            int edited = fake.variationIds(variable).get(0);
            fake.editVariation(variable, edited, v -> v.regularPrice("77.00"));
            fake.requests().clear();
            SyncRun incremental = f.sync(id, EntityType.PRODUCTS);

            assertThat(incremental.outcome()).as(incremental.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedPrices(id).get(Integer.toString(edited))).isEqualTo("77.00");
            assertThat(fake.requests().matching("/wp-json/wc/v3/variations")).hasSize(1);

            // a variation written alone (an import, a stock plugin): its product's modification time stays
            int alone = fake.variationIds(variable).size() > 1 ? fake.variationIds(variable).get(1) : edited;
            String parentModified = fake.product(variable).get("date_modified_gmt").asText();
            fake.clock().advance(Duration.ofMinutes(1));
            fake.editVariationAlone(variable, alone, v -> v.regularPrice("66.60"));
            assertThat(fake.product(variable).get("date_modified_gmt").asText()).isEqualTo(parentModified);
            SyncRun afterAlone = f.sync(id, EntityType.PRODUCTS);
            assertThat(afterAlone.outcome()).as(afterAlone.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedPrices(id).get(Integer.toString(alone))).as("found through the variations listing")
                    .isEqualTo("66.60");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void malformedJsonFailsTheRunKeepsWhatWasStoredAndTheNextRunResumes(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(10, 450)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            fake.afterRequests(ORDERS, 2, () -> fake.faults().inject(Fault.malformedJson(), 1, ORDERS));

            SyncRun failed = f.sync(id, EntityType.ORDERS);

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).startsWith("GET " + fake.siteUrl() + "wp-json/wc/v3/orders answered HTTP 200 "
                    + "with malformed JSON");
            long kept = TestRows.count(f.store, "SELECT COUNT(*) FROM orders");
            assertThat(kept).as("the two pages stored before the bad one").isBetween(150L, 200L);
            assertThat(failed.insertedCount()).isEqualTo(kept);
            SyncCursor afterTwoPages = f.cursors.load(id, EntityType.ORDERS);
            assertThat(afterTwoPages.isStart()).isFalse();

            SyncRun resumed = f.sync(id, EntityType.ORDERS);
            assertThat(resumed.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(resumed.insertedCount()).isEqualTo(450 - kept);
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM orders")).isEqualTo(450);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void shopsOlderThan58AreReadInFullAndFilteredHere(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeWooCommerceShop shop = new FakeWooCommerceShop(FakeWooCommerce.builder().products(250).orders(10)
                        .seed(3).wooVersion("5.6.0").start())) {
            long id = f.connect(shop.settings());
            SyncRun full = f.sync(id, EntityType.PRODUCTS);
            assertThat(f.storedPrices(id)).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
            assertThat(f.progressOfSync(id, EntityType.PRODUCTS, true)).as("the share of the whole list looked at")
                    .containsExactly("100/250", "199/250", "250/250"); // the requests overlap by one
            shop.fake().clock().advance(Duration.ofDays(1));
            Map<String, String> edited = shop.editProducts(2);
            shop.fake().requests().clear();

            SyncRun incremental = f.sync(id, EntityType.PRODUCTS);

            assertThat(full.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(incremental.updatedCount()).isEqualTo(2);
            assertThat(f.storedPrices(id)).containsAllEntriesOf(edited);
            assertThat(shop.fake().requests().matching(PRODUCTS)).filteredOn(r -> r.path().equals(PRODUCTS))
                    .allSatisfy(r -> {
                        assertThat(r.queryParameter("modified_after")).isEmpty();
                        assertThat(r.queryParameter("orderby")).contains("id");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIndexThatHidesItsArgumentsIsProbedSoOnlyWhatChangedIsReadAndVerifySaysSo(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeWooCommerceShop current = new FakeWooCommerceShop(FakeWooCommerce.builder().products(250)
                        .orders(10).seed(3).start());
                FakeWooCommerceShop old = new FakeWooCommerceShop(FakeWooCommerce.builder().products(120).orders(10)
                        .seed(4).wooVersion("5.6.0").start());
                Verifier verifier = new Verifier(new WooCommerceConnectorProvider())) {
            current.fake().indexHidesArguments(true);
            old.fake().indexHidesArguments(true);
            assertThat(verifier.verify(current.settings()).details()).containsEntry("modifiedAfterSupported", "true")
                    .containsEntry("modifiedAfter", "honoured (probed, as the API index hides its arguments)");
            assertThat(verifier.verify(old.settings()).details()).containsEntry("modifiedAfterSupported", "false")
                    .containsEntry("modifiedAfter", "ignored (probed, as the API index hides its arguments): every "
                            + "sync reads the whole shop and keeps what changed");

            long id = f.connect(current.settings());
            f.sync(id, EntityType.PRODUCTS);
            current.fake().clock().advance(Duration.ofDays(1));
            Map<String, String> edited = current.editProducts(2);
            current.fake().requests().clear();
            SyncRun incremental = f.sync(id, EntityType.PRODUCTS);
            assertThat(incremental.updatedCount()).isEqualTo(2);
            assertThat(incremental.readCount()).as("only what changed, not the whole shop").isLessThan(20);
            assertThat(f.storedPrices(id)).containsAllEntriesOf(edited);

            long oldId = f.connect(old.settings());
            f.sync(oldId, EntityType.PRODUCTS);
            old.fake().clock().advance(Duration.ofDays(1));
            Map<String, String> editedOld = old.editProducts(2);
            SyncRun whole = f.sync(oldId, EntityType.PRODUCTS);
            assertThat(whole.updatedCount()).isEqualTo(2);
            assertThat(f.storedPrices(oldId)).containsExactlyInAnyOrderEntriesOf(old.productPrices())
                    .containsAllEntriesOf(editedOld);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void noCredentialReachesTheLogsOfAFullVerifyAndSync(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(120, 120);
                LogCapture log = LogCapture.begin()) {
            long id = f.connect(shop.settings());
            try (var connector = new WooCommerceConnectorProvider().open(f.connections.settings(id),
                    io.tributary.spi.ConnectorContext.of(java.time.Clock.systemUTC(), f.http))) {
                assertThat(connector.verify().ok()).isTrue();
            }
            f.sync(id, EntityType.PRODUCTS);
            f.sync(id, EntityType.ORDERS);
            f.sync(f.connect(shop.withBadCredentials()), EntityType.ORDERS);

            String logged = log.text();
            assertThat(logged).contains("GET " + shop.fake().siteUrl() + "wp-json/wc/v3/orders?")
                    .contains("oauth_signature=****")
                    .contains("sync connection " + id);
            assertThat(logged).doesNotContain(shop.fake().consumerKey()).doesNotContain(shop.fake().consumerSecret());
            String stored = TestRows.string(f.store, "SELECT GROUP_CONCAT(CONCAT(options_json, secrets_encrypted)) "
                    + "FROM connection");
            assertThat(stored).doesNotContain(shop.fake().consumerKey()).doesNotContain(shop.fake().consumerSecret());
        }
    }
}
