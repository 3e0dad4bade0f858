package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testing.PrivateMariaDb;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB server process stopped under a running daemon, in the middle of a sync it runs, and started again: the
 * run ends FAILED with nothing of the page it was writing, the daemon keeps running (health says the database is
 * down, then up again) and the next sync it is asked for completes from the last committed cursor with exact data.
 */
class DaemonDatabaseOutageIT {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void theDaemonOutlivesTheDatabaseAndItsNextSyncResumesExactly() throws Exception {
        try (PrivateMariaDb database = PrivateMariaDb.start(home.resolve("mariadb"));
                FakeWooCommerce shop = FakeWooCommerce.builder().products(600).orders(5).seed(23).start()) {
            PrivateStoreJar jar = new PrivateStoreJar(home, database);
            Map<String, String> environment = jar.environment();
            String id = jar.run("connection", "add", "--system", "woocommerce", "--name", "Shop",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asText();
            String token = jar.run("apikey", "create", "--name", "ops", "--json").json().get("token").asText();
            long expected = shop.productIds().size()
                    + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();

            try (TributaryProcess daemon = TributaryProcess.start(home, environment, "daemon", "--http-port", "0",
                    "--node-id", "outage")) {
                int port = Integer.parseInt(daemon.awaitLog(Pattern.compile("health on http://127\\.0\\.0\\.1:(\\d+)/health"),
                        Duration.ofSeconds(90)).group(1));
                String base = "http://127.0.0.1:" + port;

                shop.faults().inject(Fault.latency(Duration.ofMillis(40)), 100_000, PRODUCTS);
                HttpResponse<String> started = send("POST", base + "/api/v1/connections/" + id + "/syncs", token,
                        "{\"entity\":\"products\"}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long runId = json(started).get("runId").asLong();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> jar.count("SELECT COUNT(*) FROM product") >= 150);
                database.stop();

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    HttpResponse<String> health = send("GET", base + "/health", null, null);
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                });
                // the daemon does not give up on the database: it is still there when the server comes back
                assertThat(daemon.isAlive()).as(daemon.stderr()).isTrue();
                database.restart();
                shop.faults().clear();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    HttpResponse<String> health = send("GET", base + "/health", null, null);
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                });
                long storedBefore = jar.count("SELECT COUNT(*) FROM product");
                assertThat(storedBefore).isPositive().isLessThan(expected);

                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    JsonNode stranded = json(send("GET", base + "/api/v1/runs/" + runId, token, null));
                    assertThat(stranded.get("outcome").asText()).as(stranded.toString()).isIn("FAILED", "ABANDONED");
                });

                HttpResponse<String> again = send("POST", base + "/api/v1/connections/" + id + "/syncs", token,
                        "{\"entity\":\"products\"}");
                assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
                long nextId = json(again).get("runId").asLong();
                await().atMost(Duration.ofSeconds(120)).until(() -> !json(send("GET", base + "/api/v1/runs/" + nextId,
                        token, null)).get("outcome").asText().equals("RUNNING"));
                JsonNode next = json(send("GET", base + "/api/v1/runs/" + nextId, token, null));
                assertThat(next.get("outcome").asText()).as(next.toString()).isEqualTo("SUCCEEDED");
                assertThat(next.get("read").asLong()).as("from the last committed cursor")
                        .isLessThanOrEqualTo(expected - storedBefore + 100);
                assertThat(jar.count("SELECT COUNT(*) FROM product")).isEqualTo(expected);
                assertThat(jar.count("SELECT COUNT(DISTINCT external_id) FROM product")).isEqualTo(expected);
                assertThat(daemon.isAlive()).isTrue();
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
