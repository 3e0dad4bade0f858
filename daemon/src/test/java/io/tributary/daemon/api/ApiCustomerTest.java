package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /api/v1/customers[/{id}] over a real socket: one customer across stores, each key seeing its stores' side. */
class ApiCustomerTest {
    @TempDir
    Path home;

    private static String order(String store, String number, String email, String phone, String currency,
            String price) {
        return "{\"store\":\"" + store + "\",\"number\":\"" + number + "\",\"currency\":\"" + currency + "\","
                + "\"total\":\"" + price + "\",\"customer\":{\"name\":\"Ana " + store + "\",\"email\":"
                + (email == null ? "null" : "\"" + email + "\"") + ",\"phone\":"
                + (phone == null ? "null" : "\"" + phone + "\"") + "},"
                + "\"lines\":[{\"sku\":\"TEA\",\"quantity\":\"1\",\"unitPrice\":\"" + price + "\"}]}";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aKeyOfOneStoreSeesOnlyThatStoresSideOfACustomer(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"a\",\"name\":\"A\"}");
            api.call("POST", admin, "/api/v1/stores", "{\"code\":\"b\",\"name\":\"B\"}");
            assertThat(api.call("POST", admin, "/api/v1/orders", order("a", "A-1", "ana@example.org", null, "EUR",
                    "10.00")).status()).isEqualTo(201);
            assertThat(api.call("POST", admin, "/api/v1/orders", order("b", "B-1", "ANA@example.org",
                    "+41 44 668 18 00", "CHF", "99.00")).status()).isEqualTo(201);
            JsonNode onlyB = api.call("POST", admin, "/api/v1/orders", order("b", "B-2", "bea@example.org", null,
                    "CHF", "5.00")).json();
            long bea = onlyB.get("customerId").asLong();
            String keyA = api.key(List.of("a"), List.of("customers.read"));

            JsonNode all = api.call("GET", admin, "/api/v1/customers?email=ana@example.org", null).json();
            assertThat(all.get("items")).singleElement().satisfies(c -> {
                assertThat(c.get("orderCount").asLong()).isEqualTo(2);
                assertThat(c.get("totalSpent").toString()).isEqualTo("{\"CHF\":\"99.00\",\"EUR\":\"10.00\"}");
                assertThat(c.get("phone").asText()).isEqualTo("+41446681800");
            });
            long ana = all.get("items").get(0).get("id").asLong();

            JsonNode seenFromA = api.call("GET", keyA, "/api/v1/customers/" + ana, null).json();
            assertThat(seenFromA.get("orderCount").asLong()).isEqualTo(1);
            assertThat(seenFromA.get("orders")).extracting(o -> o.get("number").asText()).containsExactly("A-1");
            assertThat(seenFromA.get("totalSpent").toString()).isEqualTo("{\"EUR\":\"10.00\"}");
            assertThat(seenFromA.get("phone").isNull()).as("the phone came from store B").isTrue();
            assertThat(seenFromA.get("merges")).isEmpty();
            assertThat(seenFromA.toString()).doesNotContain("CHF", "\"b\"", "B-1", "+41");

            ApiHarness.Answer hidden = api.call("GET", keyA, "/api/v1/customers/" + bea, null);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.json().get("error").asText()).isEqualTo("There is no customer with id " + bea + ".");
            assertThat(api.call("GET", keyA, "/api/v1/customers?email=bea@example.org", null).json().get("items"))
                    .isEmpty();
            assertThat(api.call("GET", keyA, "/api/v1/customers?phone=%2B41446681800", null).json().get("items"))
                    .as("found by a phone store A never saw: still only store A's side").singleElement()
                    .satisfies(c -> assertThat(c.get("orderCount").asLong()).isEqualTo(1));
            assertThat(api.call("GET", keyA, "/api/v1/customers?store=b", null).json().get("items")).isEmpty();
            assertThat(api.call("GET", keyA, "/api/v1/customers", null).json().get("items"))
                    .extracting(c -> c.get("id").asLong()).containsExactly(ana);
            assertThat(api.call("GET", admin, "/api/v1/customers?store=b", null).json().get("items"))
                    .extracting(c -> c.get("id").asLong()).containsExactly(ana, bea);

            ApiHarness.Answer badPhone = api.call("GET", admin, "/api/v1/customers?phone=12", null);
            assertThat(badPhone.status()).isEqualTo(400);
            assertThat(badPhone.json().get("problems").get(0).get("field").asText()).isEqualTo("phone");
        }
    }
}
