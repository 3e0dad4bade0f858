package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync started through the admin API ("Sync now") when the daemon is told to stop: it ends at its next page
 * boundary as STOPPED with its cursor committed before the process exits, as a scheduled one does, instead of being
 * cut off and left RUNNING.
 */
class ApiSyncShutdownIT {
    @TempDir
    Path home;

    @Test
    void aSyncStartedThroughTheApiStopsAtAPageBoundaryWhenTheDaemonStops() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(500).orders(5).seed(12).start()) {
            Map<String, String> environment = new HashMap<>(cli.environment());
            environment.remove("TRIBUTARY_DB_URL"); // the embedded database in TRIBUTARY_HOME, shared by the processes
            environment.put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().clear();
            cli.environment().putAll(environment);
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            String token = cli.run("apikey", "create", "--name", "admin", "--json").json().get("token").asText();
            shop.faults().inject(Fault.latency(Duration.ofMillis(150)), 100_000, "/wp-json/wc/v3/products");

            try (TributaryProcess daemon = TributaryProcess.start(home, environment, "daemon", "--http-port", "0",
                    "--node-id", "solo")) {
                int port = Integer.parseInt(daemon.awaitLog(Pattern.compile("health on http://[^:]+:(\\d+)/health"),
                        Duration.ofSeconds(60)).group(1));
                HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/connections/" + id + "/syncs"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"products\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> cli.count("SELECT COALESCE(MAX(read_count), 0) "
                        + "FROM sync_run WHERE outcome = 'RUNNING'") >= 100);

                daemon.terminate();
                assertThat(daemon.waitFor(Duration.ofSeconds(60))).as(daemon.stderr()).isZero();
                assertThat(daemon.stderr()).contains("products manual STOPPED").contains("stopped");
            }
            CliHarness.Result runs = cli.run("runs", "--json");
            assertThat(runs.json().get(0).get("outcome").asText()).as(runs.all()).isEqualTo("STOPPED");
            assertThat(runs.json().get(0).get("trigger").asText()).isEqualTo("MANUAL");
            assertThat(cli.count("SELECT COUNT(*) FROM sync_lease")).isZero();
            long kept = cli.count("SELECT COUNT(*) FROM product");
            assertThat(kept).isPositive();
        }
    }
}
