package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /api/v1/orders over a real socket: stored once per number, checked field by field, within the key's stores. */
class ApiOrderPostTest {
    @TempDir
    Path home;

    private static String order(String number, String email, String phone, String total) {
        return "{\"store\":\"landing\",\"number\":\"" + number + "\",\"status\":\"pending\",\"currency\":\"EUR\","
                + "\"total\":\"" + total + "\",\"shippingTotal\":\"4.90\",\"totalTax\":\"0\",\"discountTotal\":\"1.00\","
                + "\"customer\":{\"name\":\"Ana López\",\"email\":" + (email == null ? "null" : "\"" + email + "\"")
                + ",\"phone\":" + (phone == null ? "null" : "\"" + phone + "\"") + "},"
                + "\"lines\":[{\"sku\":\"TEA\",\"name\":\"Green tea\",\"quantity\":\"2\",\"unitPrice\":\"12.50\"},"
                + "{\"sku\":\"MUG\",\"name\":\"Mug\",\"quantity\":\"1\",\"unitPrice\":\"3.99\"}]}";
    }

    private static void setCountry(ApiHarness api, String store, String country) {
        try (Connection connection = api.app().store().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE store SET country = '" + country + "' WHERE code = '" + store + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anOrderIsStoredOncePerNumberAndLandsOnItsCustomer(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            assertThat(api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}")
                    .status()).isEqualTo(201);
            setCountry(api, "landing", "FR");
            String page = api.key(List.of("landing"), List.of("orders.write"));

            ApiHarness.Answer first = api.call("POST", page, "/api/v1/orders",
                    order("LP-1", "Ana@Example.org", "06 12 34 56 78", "32.89"));
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            JsonNode stored = first.json();
            assertThat(stored.get("number").asText()).isEqualTo("LP-1");
            assertThat(stored.get("total").asText()).isEqualTo("32.89");
            assertThat(stored.get("lines")).hasSize(2);
            assertThat(stored.get("lines").get(0).get("total").asText()).isEqualTo("25.00");
            long customer = stored.get("customerId").asLong();

            ApiHarness.Answer again = api.call("POST", page, "/api/v1/orders",
                    order("LP-1", "someone.else@example.org", null, "32.89"));
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json()).as("the first order, unchanged").isEqualTo(stored);

            ApiHarness.Answer second = api.call("POST", page, "/api/v1/orders",
                    order("LP-2", null, "+33 6 12 34 56 78", "32.89"));
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json().get("customerId").asLong()).as("found by phone").isEqualTo(customer);

            JsonNode listed = api.call("GET", admin, "/api/v1/orders?store=landing", null).json();
            assertThat(listed.get("items")).extracting(o -> o.get("number").asText())
                    .containsExactlyInAnyOrder("LP-1", "LP-2");
            JsonNode statuses = api.call("GET", admin, "/api/v1/orders/statuses?since=2000-01-01T00:00:00Z", null)
                    .json();
            assertThat(statuses.get("items")).extracting(o -> o.get("number").asText())
                    .containsExactlyInAnyOrder("LP-1", "LP-2");
            JsonNode connections = api.call("GET", admin, "/api/v1/connections", null).json();
            assertThat(connections.toString()).as("the store's API connection holds them").contains("\"api\"");
            long apiConnection = java.util.stream.StreamSupport.stream(connections.spliterator(), false)
                    .filter(c -> c.get("system").asText().equals("api")).findFirst().orElseThrow().get("id").asLong();
            ApiHarness.Answer verify = api.call("POST", admin, "/api/v1/connections/" + apiConnection + "/verify",
                    null);
            assertThat(verify.status()).as(verify.toString()).isEqualTo(400);
            assertThat(verify.json().get("error").asText()).as("not \"Unknown system 'api'\"")
                    .contains("holds the orders sent in through the API");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void concurrentIdenticalPostsStoreOneOrder(TestDatabase.Backend backend) throws Exception {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}");
            String page = api.key(List.of("landing"), List.of("orders.write"));
            int posts = 12;
            ExecutorService pool = Executors.newFixedThreadPool(posts);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiHarness.Answer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < posts; i++) {
                    Callable<ApiHarness.Answer> post = () -> {
                        start.await();
                        return api.call("POST", page, "/api/v1/orders", order("LP-9", "bo@example.org", null,
                                "32.89"));
                    };
                    answers.add(pool.submit(post));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (Future<ApiHarness.Answer> answer : answers) {
                    statuses.add(answer.get().status());
                    bodies.add(answer.get().json().toString());
                }
                assertThat(statuses).as(bodies.toString()).containsOnly(201, 200);
                assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
                assertThat(bodies.stream().distinct()).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            JsonNode listed = api.call("GET", admin, "/api/v1/orders?store=landing", null).json();
            assertThat(listed.get("items")).hasSize(1);
            assertThat(api.call("GET", admin, "/api/v1/connections", null).json()).as("one API connection")
                    .singleElement().satisfies(c -> assertThat(c.get("system").asText()).isEqualTo("api"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aBodyWithErrorsNamesEveryInvalidFieldAndTotalsMustAddUp(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}");
            String page = api.key(List.of("landing"), List.of("orders.write"));

            ApiHarness.Answer invalid = api.call("POST", page, "/api/v1/orders", "{\"store\":\"landing\","
                    + "\"currency\":\"EURO\",\"total\":32.88,\"customer\":{\"email\":\"not-an-email\","
                    + "\"phone\":\"06 12 34 56 78\"},\"lines\":[{\"sku\":\"TEA\",\"quantity\":\"-1\","
                    + "\"unitPrice\":\"1.0000001\"},{\"name\":\"Mug\",\"quantity\":\"one\",\"unitPrice\":\"3\"}]}");
            assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
            assertThat(invalid.json().get("problems")).extracting(p -> p.get("field").asText())
                    .containsExactlyInAnyOrder("number", "currency", "total", "customer.email", "customer.phone",
                            "lines[0].quantity", "lines[0].unitPrice", "lines[1].quantity");
            assertThat(invalid.json().toString()).contains("must be a decimal string");

            ApiHarness.Answer wrongTotal = api.call("POST", page, "/api/v1/orders",
                    order("LP-3", "ana@example.org", null, "40.00"));
            assertThat(wrongTotal.status()).isEqualTo(400);
            assertThat(wrongTotal.json().get("problems")).singleElement().satisfies(p -> {
                assertThat(p.get("field").asText()).isEqualTo("total");
                assertThat(p.get("message").asText()).isEqualTo("The total 40.00 does not add up: lines 28.99 + "
                        + "shipping 4.90 + tax 0 - discount 1.00 = 32.89.");
            });
            assertThat(api.call("GET", admin, "/api/v1/orders?store=landing", null).json().get("items")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aKeyPostsOnlyToItsStoresAndOnlyWithOrdersWrite(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}");
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"other\",\"name\":\"Other\"}");
            String otherStore = api.key(List.of("other"), List.of("orders.write"));
            String readOnly = api.key(List.of("landing"), List.of("orders.read"));

            ApiHarness.Answer outside = api.call("POST", otherStore, "/api/v1/orders",
                    order("LP-1", "ana@example.org", null, "32.89"));
            assertThat(outside.status()).as(outside.toString()).isEqualTo(404);
            assertThat(outside.json().get("error").asText()).isEqualTo("There is no store 'landing'.");
            assertThat(api.call("POST", readOnly, "/api/v1/orders", order("LP-1", "ana@example.org", null, "32.89"))
                    .status()).isEqualTo(403);
            assertThat(api.call("GET", admin, "/api/v1/orders?store=landing", null).json().get("items")).isEmpty();
        }
    }
}
