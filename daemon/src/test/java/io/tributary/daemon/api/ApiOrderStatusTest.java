package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import io.tributary.writeback.StatusWrite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PATCH /api/v1/orders/{id} over a real socket, with a WooCommerce shop behind it: written back once and recorded,
 * refused by the shop with the central status unchanged, retried without a second write, within the key's stores.
 */
class ApiOrderStatusTest {
    private static final String READ_ONLY_KEY = "ck_" + "7".repeat(40);
    private static final String READ_ONLY_SECRET = "cs_" + "8".repeat(40);

    @TempDir
    Path home;

    private static long connect(ApiHarness api, String admin, FakeWooCommerce shop, String key, String secret,
            String name) {
        return api.call("POST", admin, "/api/v1/connections", "{\"system\":\"woocommerce\",\"name\":\"" + name
                + "\",\"url\":\"" + shop.siteUrl() + "\",\"credentials\":{\"access-token\":\"" + key
                + "\",\"secret\":\"" + secret + "\"}}").json().get("id").asLong();
    }

    private static void syncOrders(ApiHarness api, String admin, long connection) {
        long run = api.call("POST", admin, "/api/v1/connections/" + connection + "/syncs", "{\"entity\":\"orders\"}")
                .json().get("runId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(admin, "/api/v1/runs/" + run).json()
                .get("outcome").asText().equals("RUNNING"));
        assertThat(api.get(admin, "/api/v1/runs/" + run).json().get("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    private static String centralStatus(ApiHarness api, String admin, long connection, int order) {
        for (JsonNode o : api.get(admin, "/api/v1/orders?connection=" + connection + "&limit=500").json()
                .get("items")) {
            if (o.get("externalId").asText().equals(Integer.toString(order))) {
                return o.get("status").asText();
            }
        }
        throw new AssertionError("order " + order + " is not stored");
    }

    private static List<RecordedRequest> puts(FakeWooCommerce shop) {
        return shop.requests().all().stream().filter(r -> r.method().equals("PUT")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theStatusIsWrittenToTheShopOnceRecordedAndKeptBySyncs(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(6).seed(31).start()) {
            String admin = api.key(null, null);
            long connection = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Shop");
            int order = shop.orderIds().get(1);
            shop.editOrder(order, edit -> edit.status("processing"));
            syncOrders(api, admin, connection);
            String writer = api.key(List.of("default"), List.of("orders.write", "orders.read"));
            shop.requests().clear();

            ApiHarness.Answer changed = api.call("PATCH", writer, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"completed\"}");

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("status").asText()).isEqualTo("completed");
            assertThat(changed.json().get("statusWrite").get("outcome").asText()).isEqualTo("WRITTEN");
            assertThat(changed.json().get("statusWrite").get("httpStatus").asInt()).isEqualTo(200);
            assertThat(shop.order(order).get("status").asText()).isEqualTo("completed");
            assertThat(puts(shop)).hasSize(1);
            List<StatusWrite> recorded = api.app().orderStatusChanges().writes(connection, Integer.toString(order));
            assertThat(recorded).singleElement().satisfies(w -> {
                assertThat(w.fromStatus()).isEqualTo("processing");
                assertThat(w.toStatus()).isEqualTo("completed");
                assertThat(w.outcome()).isEqualTo(StatusWrite.Outcome.WRITTEN);
                assertThat(w.httpStatus()).isEqualTo(200);
                assertThat(w.answer()).isEqualTo("status \"completed\"");
                assertThat(w.requestedAt()).isNotNull();
                assertThat(w.requestedBy()).startsWith("api key ");
            });

            ApiHarness.Answer again = api.call("PATCH", writer, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"completed\"}");
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("status").asText()).isEqualTo("completed");
            assertThat(again.json().get("statusWrite").isNull()).isTrue();
            assertThat(puts(shop)).as("a retried request writes nothing more").hasSize(1);
            assertThat(api.app().orderStatusChanges().writes(connection, Integer.toString(order))).hasSize(1);

            JsonNode statuses = api.get(admin, "/api/v1/orders/statuses?since=2000-01-01T00:00:00Z&limit=500").json();
            assertThat(statuses.get("items")).filteredOn(s -> s.get("number").asText()
                    .equals(shop.order(order).get("number").asText()))
                    .singleElement().satisfies(s -> assertThat(s.get("status").asText()).isEqualTo("completed"));

            syncOrders(api, admin, connection);
            assertThat(centralStatus(api, admin, connection, order)).as("the sync reads what the shop now has")
                    .isEqualTo("completed");

            shop.clock().advance(Duration.ofMinutes(5));
            shop.editOrder(order, edit -> edit.status("refunded"));
            syncOrders(api, admin, connection);
            assertThat(centralStatus(api, admin, connection, order)).as("a later change in the shop still comes in")
                    .isEqualTo("refunded");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aShopThatRefusesLeavesTheCentralStatusAndSaysWhy(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(6).seed(32).start()) {
            shop.addKey(READ_ONLY_KEY, READ_ONLY_SECRET, KeyPermission.READ, true);
            String admin = api.key(null, null);
            long readOnly = connect(api, admin, shop, READ_ONLY_KEY, READ_ONLY_SECRET, "Read only");
            long full = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Full");
            int order = shop.orderIds().get(0);
            shop.editOrder(order, edit -> edit.status("completed"));
            syncOrders(api, admin, readOnly);
            syncOrders(api, admin, full);

            ApiHarness.Answer refused = api.call("PATCH", admin, "/api/v1/orders/" + readOnly + ":" + order,
                    "{\"status\":\"cancelled\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
            assertThat(refused.json().get("error").asText()).isEqualTo("WooCommerce did not take status cancelled "
                    + "for order " + order + ", so it stays completed here: The consumer key may only read: in "
                    + "WooCommerce > Settings > Advanced > REST API give it Read/Write permission.");
            assertThat(refused.body()).doesNotContain(READ_ONLY_SECRET).doesNotContain(READ_ONLY_KEY);
            assertThat(refused.json().get("statusWrite").get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(refused.json().get("statusWrite").get("httpStatus").asInt()).isEqualTo(401);
            assertThat(centralStatus(api, admin, readOnly, order)).isEqualTo("completed");

            shop.forbidStatusTransition("completed", "pending");
            ApiHarness.Answer forbidden = api.call("PATCH", admin, "/api/v1/orders/" + full + ":" + order,
                    "{\"status\":\"pending\"}");
            assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(502);
            assertThat(forbidden.json().get("error").asText()).startsWith("WooCommerce did not take status pending "
                    + "for order " + order + ", so it stays completed here: ")
                    .contains("The order cannot go from completed to pending.");
            assertThat(centralStatus(api, admin, full, order)).isEqualTo("completed");
            assertThat(shop.order(order).get("status").asText()).isEqualTo("completed");
            assertThat(api.app().orderStatusChanges().writes(full, Integer.toString(order)))
                    .singleElement().satisfies(w -> {
                        assertThat(w.outcome()).isEqualTo(StatusWrite.Outcome.REFUSED);
                        assertThat(w.httpStatus()).isEqualTo(400);
                        assertThat(w.answer()).contains("The order cannot go from completed to pending.");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aKeyReachesOnlyItsStoresAndNeedsOrdersWrite(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(3).seed(33).start()) {
            String admin = api.key(null, null);
            long connection = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Shop");
            syncOrders(api, admin, connection);
            int order = shop.orderIds().get(0);
            String before = centralStatus(api, admin, connection, order);
            assertThat(api.call("POST", admin, "/api/v1/stores", "{\"code\":\"other\",\"name\":\"Other\"}").status())
                    .isEqualTo(201);
            String otherStore = api.key(List.of("other"), List.of("orders.write"));
            String readOnly = api.key(List.of("default"), List.of("orders.read"));
            shop.requests().clear();

            ApiHarness.Answer elsewhere = api.call("PATCH", otherStore, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"on-hold\"}");
            assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
            assertThat(elsewhere.json().get("error").asText()).isEqualTo("There is no order " + connection + ":"
                    + order + ".");
            ApiHarness.Answer noMethod = api.call("PATCH", readOnly, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"on-hold\"}");
            assertThat(noMethod.status()).as(noMethod.toString()).isEqualTo(403);
            assertThat(api.call("PATCH", admin, "/api/v1/orders/" + order, "{\"status\":\"on-hold\"}").status())
                    .as("an id without its connection").isEqualTo(400);
            assertThat(api.call("PATCH", admin, "/api/v1/orders/" + connection + ":" + order, "{}").status())
                    .as("no status").isEqualTo(400);
            assertThat(puts(shop)).isEmpty();
            assertThat(centralStatus(api, admin, connection, order)).isEqualTo(before);
        }
    }

    private static void sql(ApiHarness api, String statement) {
        try (java.sql.Connection connection = api.app().store().dataSource().getConnection();
                java.sql.Statement run = connection.createStatement()) {
            run.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anAttemptUnderWayHoldsTheOrderUntilItsClaimRunsOut(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(3).seed(35).start()) {
            String admin = api.key(null, null);
            long connection = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Shop");
            int order = shop.orderIds().get(0);
            shop.editOrder(order, edit -> edit.status("processing"));
            syncOrders(api, admin, connection);
            // what a process talking to the shop right now (or one stopped mid-request) leaves behind
            sql(api, "INSERT INTO order_status_write (connection_id, external_id, from_status, to_status, requested_by, "
                    + "requested_at, outcome, in_flight) VALUES (" + connection + ", '" + order + "', 'processing', "
                    + "'on-hold', 'cli', CURRENT_TIMESTAMP, 'PENDING', '" + connection + ":" + order + "')");
            shop.requests().clear();

            ApiHarness.Answer busy = api.call("PATCH", admin, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"completed\"}");
            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.json().get("error").asText()).isEqualTo("Another status change of order " + order
                    + " is being written to WooCommerce right now; try again in a moment.");
            assertThat(puts(shop)).isEmpty();

            sql(api, "UPDATE order_status_write SET requested_at = TIMESTAMP '2000-01-01 00:00:00' WHERE outcome = "
                    + "'PENDING'");
            ApiHarness.Answer taken = api.call("PATCH", admin, "/api/v1/orders/" + connection + ":" + order,
                    "{\"status\":\"completed\"}");
            assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
            assertThat(puts(shop)).hasSize(1);
            assertThat(api.app().orderStatusChanges().writes(connection, Integer.toString(order)))
                    .extracting(StatusWrite::outcome)
                    .containsExactly(StatusWrite.Outcome.UNKNOWN, StatusWrite.Outcome.WRITTEN);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void identicalPatchesAtOnceWriteToTheShopOnce(TestDatabase.Backend backend) throws Exception {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(3).seed(36).start()) {
            String admin = api.key(null, null);
            long connection = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Shop");
            int order = shop.orderIds().get(0);
            shop.editOrder(order, edit -> edit.status("processing"));
            syncOrders(api, admin, connection);
            shop.requests().clear();
            int patches = 8;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(patches);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ApiHarness.Answer>> answers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < patches; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.call("PATCH", admin, "/api/v1/orders/" + connection + ":" + order,
                                "{\"status\":\"completed\"}");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                int written = 0;
                for (java.util.concurrent.Future<ApiHarness.Answer> answer : answers) {
                    ApiHarness.Answer one = answer.get();
                    statuses.add(one.status());
                    if (one.status() == 200 && !one.json().get("statusWrite").isNull()) {
                        written++;
                    }
                }
                assertThat(statuses).as("200: written or found written; 409: the write was under way")
                        .isSubsetOf(200, 409).contains(200);
                assertThat(written).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(puts(shop)).hasSize(1);
            assertThat(api.app().orderStatusChanges().writes(connection, Integer.toString(order)))
                    .extracting(StatusWrite::outcome).containsExactly(StatusWrite.Outcome.WRITTEN);
            assertThat(centralStatus(api, admin, connection, order)).isEqualTo("completed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anOrderOfASystemThatTakesNoStatusIsRefusedWith409(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(3).seed(34).start()) {
            String admin = api.key(null, null);
            long connection = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"coopcycle\",\"name\":"
                    + "\"Couriers\",\"url\":\"" + coopcycle.baseUrl() + "\",\"credentials\":{\"access-token\":\""
                    + coopcycle.storeApp().clientId() + "\",\"secret\":\"" + coopcycle.storeApp().clientSecret()
                    + "\"}}").json().get("id").asLong();
            syncOrders(api, admin, connection);
            JsonNode delivery = api.get(admin, "/api/v1/orders?connection=" + connection).json().get("items").get(0);
            coopcycle.requests().clear();

            ApiHarness.Answer refused = api.call("PATCH", admin, "/api/v1/orders/" + connection + ":"
                    + delivery.get("externalId").asText(), "{\"status\":\"cancelled\"}");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("CoopCycle orders cannot be changed from "
                    + "Tributary: change the status in CoopCycle, and the next sync brings it here.");
            assertThat(coopcycle.requests().all()).as("nothing asked of CoopCycle").isEmpty();
            assertThat(api.get(admin, "/api/v1/orders?connection=" + connection).json().get("items").get(0)
                    .get("status").asText()).isEqualTo(delivery.get("status").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anOrderSentInThroughTheApiChangesCentrally(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}");
            JsonNode posted = api.call("POST", admin, "/api/v1/orders", "{\"store\":\"landing\",\"number\":\"LP-7\","
                    + "\"currency\":\"EUR\",\"total\":\"10.00\",\"customer\":{\"name\":\"Bo\",\"email\":"
                    + "\"bo@example.org\"},\"lines\":[{\"sku\":\"TEA\",\"name\":\"Tea\",\"quantity\":\"1\","
                    + "\"unitPrice\":\"10.00\"}]}").json();
            String id = posted.get("connectionId").asText() + ":" + posted.get("externalId").asText();

            ApiHarness.Answer changed = api.call("PATCH", admin, "/api/v1/orders/" + id, "{\"status\":\"shipped\"}");

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("status").asText()).isEqualTo("shipped");
            assertThat(changed.json().get("statusWrite").isNull()).isTrue();
            assertThat(api.get(admin, "/api/v1/orders?store=landing").json().get("items").get(0).get("status")
                    .asText()).isEqualTo("shipped");
        }
    }
}
