package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.daemon.metrics.PrometheusScrape;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daemon's {@code GET /metrics} as an operator scrapes it: the jar started as a service, a verification and a
 * sync through the admin API, a scheduled firing, then one scrape over HTTP naming each series with its labels and
 * plausible values — records written equal to what the shop holds, one firing with its lag, requests by route
 * template — and no credential, URL or id in a label.
 */
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theDaemonCountsSyncsVerificationsCallsFiringsAndRequests(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(300).orders(40).seed(21).start()) {
            Map<String, String> environment = new HashMap<>(cli.environment());
            if (backend == TestDatabase.Backend.H2) {
                environment.remove("TRIBUTARY_DB_URL"); // the embedded store in TRIBUTARY_HOME, shared by the processes
            }
            environment.put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().clear();
            cli.environment().putAll(environment);
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            // weekly, three days from now: the only firing in this test is the one it makes
            String day = LocalDate.now().plusDays(3).getDayOfWeek().name().substring(0, 3);
            assertThat(cli.run("schedule", "set", Long.toString(id), "--entity", "orders", "--active", "--frequency",
                    "weekly", "--day-of-week", day, "--time", "12:00").exitCode()).isZero();
            String token = cli.run("apikey", "create", "--name", "metrics", "--json").json().get("token").asText();

            try (TributaryProcess daemon = TributaryProcess.start(home, environment, "daemon", "--http-port", "0",
                    "--node-id", "metrics")) {
                int port = Integer.parseInt(daemon.awaitLog(Pattern.compile("health on http://127\\.0\\.0\\.1:(\\d+)/health, "
                        + "metrics on /metrics"), Duration.ofSeconds(90)).group(1));
                String base = "http://127.0.0.1:" + port;

                JsonNode verified = json(send("POST", base + "/api/v1/connections/" + id + "/verify", token, null));
                assertThat(verified.get("kind").asText()).as(verified.toString()).isEqualTo("OK");

                HttpResponse<String> started = send("POST", base + "/api/v1/connections/" + id + "/syncs", token,
                        "{\"entity\":\"products\"}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long runId = json(started).get("runId").asLong();
                await().atMost(Duration.ofSeconds(90)).until(() -> json(send("GET", base + "/api/v1/runs/" + runId,
                        token, null)).get("outcome").asText().equals("SUCCEEDED"));

                await().atMost(Duration.ofSeconds(30)).until(() -> cli.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS") == 1);
                try (QuartzClient quartz = new QuartzClient(environment)) {
                    quartz.fireNow(id, EntityType.ORDERS);
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> cli.count("SELECT COUNT(*) FROM sync_run WHERE "
                        + "trigger_type = 'SCHEDULED' AND outcome = 'SUCCEEDED'") == 1);

                HttpResponse<String> answer = send("GET", base + "/metrics", null, null);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue(
                        "text/plain; version=0.0.4; charset=utf-8");
                PrometheusScrape scrape = new PrometheusScrape(answer.body());
                long products = shop.productIds().size()
                        + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();
                String woo = "system=woocommerce";

                assertThat(scrape.sum("tributary_sync_runs_total", woo, "entity=products", "outcome=SUCCEEDED"))
                        .as(scrape.text()).isEqualTo(1);
                assertThat(scrape.sum("tributary_sync_runs_total", woo, "entity=orders", "outcome=SUCCEEDED"))
                        .isEqualTo(1);
                assertThat(scrape.sum("tributary_sync_records_written_total", woo, "entity=products"))
                        .isEqualTo(products);
                assertThat(scrape.sum("tributary_sync_records_written_total", woo, "entity=orders"))
                        .isEqualTo(shop.orderIds().size());
                assertThat(scrape.sum("tributary_sync_records_read_total", woo, "entity=products"))
                        .isGreaterThanOrEqualTo(products);
                assertThat(scrape.sum("tributary_sync_run_duration_seconds_count", woo, "entity=products"))
                        .isEqualTo(1);
                assertThat(scrape.sum("tributary_sync_run_duration_seconds_bucket", woo, "entity=products", "le=+Inf"))
                        .isEqualTo(1);
                assertThat(scrape.sum("tributary_sync_run_duration_seconds_sum", woo, "entity=products"))
                        .isPositive().isLessThan(90);

                assertThat(scrape.sum("tributary_http_client_requests_seconds_count", woo, "status=200"))
                        .isGreaterThanOrEqualTo(4); // verify reads, and products and orders pages
                assertThat(scrape.sum("tributary_connection_verifications_total", woo, "result=OK")).isEqualTo(1);

                assertThat(scrape.sum("tributary_scheduler_fire_lag_seconds_count", "entity=orders")).isEqualTo(1);
                assertThat(scrape.sum("tributary_scheduler_fire_lag_seconds_sum", "entity=orders"))
                        .isGreaterThanOrEqualTo(0).isLessThan(60);
                assertThat(scrape.sum("tributary_scheduler_fire_lag_seconds_bucket", "entity=orders", "le=+Inf"))
                        .isEqualTo(1);

                assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=POST",
                        "route=/api/v1/connections/{id}/syncs", "status=202")).isEqualTo(1);
                assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=POST",
                        "route=/api/v1/connections/{id}/verify", "status=200")).isEqualTo(1);
                assertThat(scrape.sum("tributary_api_requests_seconds_count", "method=GET", "route=/api/v1/runs/{id}",
                        "status=200")).isGreaterThanOrEqualTo(1);
                assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();

                for (PrometheusScrape.Sample sample : scrape.samples()) {
                    assertThat(sample.labels().values()).as(sample.toString()).noneMatch(value ->
                            value.contains(shop.consumerKey()) || value.contains(shop.consumerSecret())
                                    || value.contains(token) || value.contains("127.0.0.1")
                                    || value.contains("/" + id) || value.contains("/" + runId));
                }

                daemon.terminate();
                assertThat(daemon.waitFor(Duration.ofSeconds(60))).as(daemon.stderr()).isZero();
            }
        }
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
