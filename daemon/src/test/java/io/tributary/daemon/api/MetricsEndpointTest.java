package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.daemon.metrics.PrometheusScrape;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /metrics} of the API server in this JVM, over a real socket against the testkit's fake WooCommerce shop:
 * verifications, calls to the shop, a sync's runs and records, and requests labelled by their route template — a
 * refused one (401) and one no route answers included — with no secret, URL or id in any label.
 */
class MetricsEndpointTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void countsVerificationsCallsSyncsAndRequestsByRouteTemplate(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(40).orders(5).seed(11).start()) {
            String admin = api.key(null, null);
            String credentials = "\"credentials\":{\"access-token\":\"" + shop.consumerKey() + "\",\"secret\":\""
                    + shop.consumerSecret() + "\"}";
            ApiHarness.Answer created = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"woocommerce\","
                    + "\"name\":\"Shop\",\"url\":\"" + shop.siteUrl() + "\"," + credentials + "}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();

            ApiHarness.Answer verified = api.call("POST", admin, "/api/v1/connections/" + id + "/verify", null);
            assertThat(verified.json().get("kind").asText()).as(verified.toString()).isEqualTo("OK");
            // nothing listens on port 1: a verification that gets no answer at all
            ApiHarness.Answer unreachable = api.call("POST", admin, "/api/v1/connections/verify",
                    "{\"system\":\"woocommerce\",\"url\":\"http://127.0.0.1:1/\"," + credentials + "}");
            assertThat(unreachable.json().get("kind").asText()).as(unreachable.toString()).isEqualTo("UNREACHABLE");

            ApiHarness.Answer started = api.call("POST", admin, "/api/v1/connections/" + id + "/syncs",
                    "{\"entity\":\"products\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            long runId = started.json().get("runId").asLong();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.get(admin, "/api/v1/runs/" + runId).json().get("outcome").asText()).isEqualTo("SUCCEEDED"));
            assertThat(api.get(null, "/api/v1/connections/" + id).status()).isEqualTo(401);
            assertThat(api.get(admin, "/api/v1/no/such/route/" + id).status()).isEqualTo(404);

            ApiHarness.Answer answer = api.get(null, "/metrics");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("content-type")).containsExactly("text/plain; version=0.0.4; charset=utf-8");
            PrometheusScrape scrape = new PrometheusScrape(answer.body());
            long stored = shop.productIds().size()
                    + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();

            assertThat(scrape.sum("tributary_connection_verifications_total", "system=woocommerce", "result=OK"))
                    .isEqualTo(1);
            assertThat(scrape.sum("tributary_connection_verifications_total", "system=woocommerce",
                    "result=UNREACHABLE")).isEqualTo(1);
            assertThat(scrape.sum("tributary_http_client_requests_seconds_count", "system=woocommerce", "status=200"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(scrape.sum("tributary_http_client_requests_seconds_count", "system=woocommerce",
                    "status=io_error")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("tributary_sync_runs_total", "system=woocommerce", "entity=products",
                    "outcome=SUCCEEDED")).isEqualTo(1);
            assertThat(scrape.sum("tributary_sync_records_written_total", "system=woocommerce", "entity=products"))
                    .isEqualTo(stored);
            assertThat(scrape.sum("tributary_sync_records_read_total", "system=woocommerce", "entity=products"))
                    .isGreaterThanOrEqualTo(stored);
            assertThat(scrape.sum("tributary_sync_run_duration_seconds_count", "system=woocommerce",
                    "entity=products")).isEqualTo(1);

            assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=POST",
                    "route=/api/v1/connections/{id}/syncs", "status=202")).isEqualTo(1);
            assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=GET",
                    "route=/api/v1/connections/{id}", "status=401")).as("refused before the endpoint ran")
                    .isEqualTo(1);
            assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=POST",
                    "route=/api/v1/connections/verify", "status=200")).as("the literal route over {id}").isEqualTo(1);
            assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=GET", "route=unmatched",
                    "status=404")).isEqualTo(1);
            assertThat(scrape.sum("tributary_api_requests_seconds_count", "route=/api/v1/runs/{id}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape.find("tributary_api_requests_seconds_count")).allSatisfy(sample ->
                    assertThat(sample.labels().get("route")).doesNotContain("/" + id).doesNotContain("/" + runId));
            assertThat(scrape.sum("jvm_memory_used_bytes")).isPositive();

            for (PrometheusScrape.Sample sample : scrape.samples()) {
                for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                    assertThat(label.getValue()).as(sample.toString())
                            .doesNotContain(shop.consumerKey(), shop.consumerSecret(), admin, "127.0.0.1");
                }
            }
            assertThat(List.of(answer.body())).noneMatch(body -> body.contains(shop.consumerSecret()));
        }
    }
}
