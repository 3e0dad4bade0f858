package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A landing page's orders take part in routes: posted with a shipping address, an order is handed to the fake
 * CoopCycle as a delivery soon after the answer, once; one posted without an address is refused by the route, with
 * the reason, and blocks nothing.
 */
class ApiOrderRouteTest {
    @TempDir
    Path home;

    private static String order(String number, boolean shipping) {
        return "{\"store\":\"landing\",\"number\":\"" + number + "\",\"status\":\"pending\",\"currency\":\"EUR\","
                + "\"total\":\"25.00\",\"customer\":{\"name\":\"Ana López\",\"email\":\"ana@example.org\","
                + "\"phone\":\"06 12 34 56 78\"},"
                + (shipping ? "\"shipping\":{\"street\":\"12 Rue Oberkampf\",\"postcode\":\"75011\",\"city\":\"Paris\","
                        + "\"country\":\"fr\",\"note\":\"Code 4512\"}," : "")
                + "\"lines\":[{\"sku\":\"TEA\",\"name\":\"Green tea\",\"quantity\":\"2\",\"unitPrice\":\"12.50\"}]}";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aLandingPageOrderIsDeliveredOnceAndOneWithoutAddressIsRefused(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(0).seed(5).start()) {
            String admin = api.key(null, null);
            assertThat(api.call("POST", admin, "/api/v1/stores", "{\"code\":\"landing\",\"name\":\"Landing\"}")
                    .status()).isEqualTo(201);
            assertThat(api.call("PATCH", admin, "/api/v1/stores/landing", "{\"country\":\"FR\"}").status())
                    .isEqualTo(200);
            String page = api.key(List.of("landing"), List.of("orders.write"));
            long courier = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"coopcycle\",\"name\":"
                    + "\"Couriers\",\"url\":\"" + coopcycle.baseUrl() + "\",\"credentials\":{\"access-token\":\""
                    + coopcycle.apiKeyApp().apiKey() + "\"}}").json().get("id").asLong();
            ApiHarness.Answer before = api.call("POST", page, "/api/v1/orders", order("LP-1", true));
            assertThat(before.status()).as(before.toString()).isEqualTo(201);
            long intake = before.json().get("connectionId").asLong();

            ApiHarness.Answer added = api.call("POST", admin, "/api/v1/routes", "{\"from\":" + intake + ",\"to\":"
                    + courier + ",\"whenStatus\":\"pending\"}");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            long route = added.json().get("id").asLong();
            assertThat(api.call("POST", page, "/api/v1/orders", order("LP-2", true)).status()).isEqualTo(201);
            assertThat(api.call("POST", page, "/api/v1/orders", order("LP-3", false)).status())
                    .as("an order without an address is still taken").isEqualTo(201);

            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(api, admin, route).size() == 2);
            JsonNode ledger = deliveries(api, admin, route);
            JsonNode posted = find(ledger, "LP-2");
            assertThat(posted.get("state").asText()).isEqualTo("POSTED");
            JsonNode refused = find(ledger, "LP-3");
            assertThat(refused.get("state").asText()).isEqualTo("REFUSED");
            assertThat(refused.get("reason").asText()).contains("without a shipping address");
            assertThat(ledger).extracting(d -> d.get("orderExternalId").asText())
                    .as("posted before the route: not forwarded").doesNotContain("LP-1");

            List<Long> ids = coopcycle.deliveryIds(FakeCoopCycle.STORE_ID);
            assertThat(ids).hasSize(1);
            JsonNode dropoff = coopcycle.delivery(ids.get(0)).get("dropoff");
            assertThat(dropoff.get("address").get("streetAddress").asText())
                    .isEqualTo("12 Rue Oberkampf, 75011 Paris, France");
            assertThat(dropoff.get("address").get("telephone").asText()).as("the customer's phone, read in FR")
                    .isEqualTo("+33612345678");
            assertThat(dropoff.get("comments").asText()).contains("Code 4512");
            assertThat(api.call("POST", page, "/api/v1/orders", order("LP-2", true)).status())
                    .as("posted again: the stored order").isEqualTo(200);
            assertThat(coopcycle.requests().matching("/api/deliveries").stream()
                    .filter(r -> r.method().equals("POST"))).hasSize(1);
        }
    }

    private static JsonNode deliveries(ApiHarness api, String admin, long route) {
        return api.call("GET", admin, "/api/v1/routes/" + route, null).json().get("deliveries");
    }

    private static JsonNode find(JsonNode ledger, String order) {
        for (JsonNode delivery : ledger) {
            if (delivery.get("orderExternalId").asText().equals(order)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery of " + order + " in " + ledger);
    }
}
