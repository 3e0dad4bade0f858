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

/**
 * What the web console builds on, over a real socket against the fake WooCommerce shop: the calling key, the
 * systems with their credential fields, the method catalogue, verifying an edit before saving it, a listing's last
 * run and orders found by number.
 */
class ApiConsoleSupportTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void catalogueVerifyBeforeSavingLastRunAndOrderNumbers(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(5).seed(7).start()) {
            String admin = api.key(null, null);
            String partner = api.key(List.of("default"), List.of("orders.statuses"));

            JsonNode me = api.get(partner, "/api/v1/me").json();
            assertThat(me.get("accessType").asText()).isEqualTo("SELECTED_STORES");
            assertThat(me.get("stores")).extracting(JsonNode::asText).containsExactly("default");
            assertThat(me.get("methods")).extracting(JsonNode::asText).containsExactly("orders.statuses");
            assertThat(api.get(null, "/api/v1/me").status()).isEqualTo(401);

            JsonNode systems = api.get(partner, "/api/v1/systems").json();
            assertThat(systems).extracting(s -> s.get("system").asText())
                    .contains("woocommerce", "magento", "coopcycle", "shopify");
            JsonNode woo = systems.findParents("system").stream()
                    .filter(s -> s.get("system").asText().equals("woocommerce")).findFirst().orElseThrow();
            assertThat(woo.get("fields")).anySatisfy(f -> {
                assertThat(f.get("name").asText()).isEqualTo("secret");
                assertThat(f.get("secret").asBoolean()).isTrue();
                assertThat(f.get("required").asBoolean()).isTrue();
            });
            assertThat(woo.get("entities")).extracting(JsonNode::asText).containsExactly("products", "orders", "customers");
            JsonNode magento = systems.findParents("system").stream()
                    .filter(s -> s.get("system").asText().equals("magento")).findFirst().orElseThrow();
            assertThat(magento.get("entities")).extracting(JsonNode::asText)
                    .containsExactly("products", "orders", "customers");
            assertThat(api.get(partner, "/api/v1/methods").json().get("blocks").get("orders"))
                    .extracting(JsonNode::asText).containsExactly("orders.read", "orders.write", "orders.statuses");

            long id = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"woocommerce\",\"name\":\"Shop\","
                    + "\"url\":\"" + shop.siteUrl() + "\",\"credentials\":{\"access-token\":\"" + shop.consumerKey()
                    + "\",\"secret\":\"" + shop.consumerSecret() + "\"}}").json().get("id").asLong();
            assertThat(api.get(admin, "/api/v1/connections").json().get(0).get("lastRun").isNull()).isTrue();

            // verifying an edit applies it to the saved connection for the check only: nothing is saved
            JsonNode edited = api.call("POST", admin, "/api/v1/connections/" + id + "/verify",
                    "{\"credentials\":{\"secret\":\"cs_not_the_secret\"}}").json();
            assertThat(edited.get("kind").asText()).isEqualTo("BAD_CREDENTIALS");
            assertThat(edited.toString()).doesNotContain("cs_not_the_secret");
            assertThat(api.call("POST", admin, "/api/v1/connections/" + id + "/verify", null).json().get("kind")
                    .asText()).isEqualTo("OK");
            ApiHarness.Answer badUrl = api.call("POST", admin, "/api/v1/connections/" + id + "/verify",
                    "{\"url\":\"ftp://nowhere\"}");
            assertThat(badUrl.status()).isEqualTo(400);
            assertThat(badUrl.json().get("problems").get(0).get("field").asText()).isEqualTo("url");

            long run = api.call("POST", admin, "/api/v1/connections/" + id + "/syncs", "{\"entity\":\"orders\"}").json()
                    .get("runId").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(admin, "/api/v1/runs/" + run).json()
                    .get("outcome").asText().equals("RUNNING"));
            JsonNode lastRun = api.get(admin, "/api/v1/connections").json().get(0).get("lastRun");
            assertThat(lastRun.get("runId").asLong()).isEqualTo(run);
            assertThat(lastRun.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(lastRun.get("read").asLong()).isEqualTo(5);
            assertThat(api.get(admin, "/api/v1/runs/" + run).json().get("routes")).isEmpty();

            String number = shop.order(shop.orderIds().get(3)).path("number").asText();
            JsonNode found = api.get(admin, "/api/v1/orders?number=" + number).json();
            assertThat(found.get("items")).singleElement()
                    .satisfies(o -> assertThat(o.get("number").asText()).isEqualTo(number));
            assertThat(api.get(admin, "/api/v1/orders?number=no-such-number").json().get("items")).isEmpty();
        }
    }
}
