package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run's unreadable records through the API: counted on the run, listed with why and what was sent. */
class ApiRejectsTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRunCountsAndListsTheRecordsItSetAside(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(4).orders(12).seed(7).start()) {
            String admin = api.key(null, null);
            String partner = api.key(List.of("default"), List.of("orders.statuses"));
            long id = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"woocommerce\",\"name\":\"Shop\","
                    + "\"url\":\"" + shop.siteUrl() + "\",\"credentials\":{\"access-token\":\"" + shop.consumerKey()
                    + "\",\"secret\":\"" + shop.consumerSecret() + "\"}}").json().get("id").asLong();
            int damaged = shop.orderIds().get(2);
            shop.damageOrder(damaged, json -> json.putNull("line_items").put("date_created_gmt", "yesterday"));

            long run = api.call("POST", admin, "/api/v1/connections/" + id + "/syncs", "{\"entity\":\"orders\"}")
                    .json().get("runId").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(admin, "/api/v1/runs/" + run).json()
                    .get("outcome").asText().equals("RUNNING"));
            JsonNode finished = api.get(admin, "/api/v1/runs/" + run).json();
            assertThat(finished.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(finished.get("rejected").asLong()).isEqualTo(1);
            assertThat(finished.get("inserted").asLong()).isEqualTo(11);

            JsonNode rejects = api.get(admin, "/api/v1/runs/" + run + "/rejects").json();
            assertThat(rejects).singleElement().satisfies(reject -> {
                assertThat(reject.get("externalId").asText()).isEqualTo(Integer.toString(damaged));
                assertThat(reject.get("reason").asText()).isEqualTo("Record " + damaged + " has date_created_gmt "
                        + "'yesterday', which is not a date and time.");
                assertThat(reject.get("payload").asText()).contains("\"date_created_gmt\":\"yesterday\"");
            });
            assertThat(api.get(partner, "/api/v1/runs/" + run + "/rejects").status()).isEqualTo(403);
            assertThat(api.get(admin, "/api/v1/runs/99999/rejects").status()).isEqualTo(404);
        }
    }
}
