package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * "Sync now" on one node of a cluster runs wherever the cluster's scheduler places it, never twice at once: both
 * requests go to n1, whose single sync thread the first one keeps busy, so the second runs on the other node; a
 * second request for the syncing (connection, entity) is refused naming its run.
 */
class ClusterSyncNowIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void syncNowRunsWhereTheSchedulerPlacesItAndNeverTwiceAtOnce() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(300).orders(8).seed(41).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().put("TRIBUTARY_SCHEDULER_THREADS", "1");
            Map<String, String> environment = new HashMap<>(cli.environment());
            long slow = connect(cli, shop, "Slow products");
            long other = connect(cli, shop, "Orders");
            String token = cli.run("apikey", "create", "--name", "admin", "--json").json().get("token").asText();
            shop.faults().inject(Fault.latency(Duration.ofMillis(150)), 100_000, "/wp-json/wc/v3/products");

            try (TributaryProcess n1 = TributaryProcess.start(home, environment, "daemon", "--node-id", "n1",
                    "--http-port", "0");
                    TributaryProcess n2 = TributaryProcess.start(home, environment, "daemon", "--node-id", "n2")) {
                int port = Integer.parseInt(n1.awaitLog(Pattern.compile("health on http://127\\.0\\.0\\.1:(\\d+)/health"),
                        Duration.ofSeconds(90)).group(1));
                n2.awaitLog("Tributary daemon started: node n2, clustered on MariaDB", Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(30)).until(() -> cli.count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")
                        == 10); // the reconciler made a job per (connection, entity, kind): products and orders
                        // synced and reconciled, customers synced (WooCommerce's customers are never reconciled)

                HttpResponse<String> first = syncNow(port, token, slow, "products");
                assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
                JsonNode firstRun = JSON.readTree(first.body());
                assertThat(firstRun.get("trigger").asText()).isEqualTo("MANUAL");

                HttpResponse<String> again = syncNow(port, token, slow, "products");
                assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
                assertThat(JSON.readTree(again.body()).get("runId").asLong()).isEqualTo(firstRun.get("runId").asLong());

                HttpResponse<String> second = syncNow(port, token, other, "orders");
                assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
                JsonNode secondRun = JSON.readTree(second.body());
                assertThat(secondRun.get("node").asText()).as("the node whose one thread is busy does not take it")
                        .isNotEqualTo(firstRun.get("node").asText());
                assertThat(firstRun.get("node").asText() + " " + secondRun.get("node").asText())
                        .contains("daemon n1@").contains("daemon n2@");

                await().atMost(Duration.ofSeconds(120)).until(() -> cli.count("SELECT COUNT(*) FROM sync_run WHERE "
                        + "outcome = 'SUCCEEDED' AND trigger_type = 'MANUAL'") == 2);
                assertThat(cli.count("SELECT COUNT(*) FROM sync_run")).as("nothing ran twice").isEqualTo(2);
            }
        }
    }

    private static long connect(CliHarness cli, FakeWooCommerce shop, String name) {
        return cli.run("connection", "add", "--system", "woocommerce", "--name", name, "--url",
                shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                "--json").json().get("id").asLong();
    }

    private static HttpResponse<String> syncNow(int port, String token, long connection, String entity)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/connections/" + connection + "/syncs")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"" + entity + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
