package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons (separate JVMs) on one MariaDB store: every firing runs once, and when the node running a sync is
 * killed with SIGKILL, the other finishes that (connection, entity) from the last committed cursor.
 */
class ClusterIT {
    @TempDir
    Path home;

    private static void awaitOrShowLogs(Duration timeout, Callable<Boolean> condition,
            Map<String, TributaryProcess> nodes, CliHarness cli) {
        try {
            await().atMost(timeout).until(condition);
        } catch (ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder(e.getMessage()).append("\nruns: ").append(cli.run("runs", "--json").out());
            nodes.forEach((name, node) -> logs.append("\n--- ").append(name).append(" (alive: ").append(node.alive())
                    .append(")\n").append(node.stderr()));
            throw new AssertionError(logs.toString(), e);
        }
    }

    @Test
    void twoNodesShareTheFiringsAndOneTakesOverFromTheOtherKilledMidSync() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(400).orders(10).seed(8).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().put("TRIBUTARY_LEASE", "PT5S");
            Map<String, String> environment = new HashMap<>(cli.environment());
            List<Long> connections = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                connections.add(cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop " + i, "--url",
                        shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                        shop.consumerSecret(), "--json").json().get("id").asLong());
            }
            Map<String, TributaryProcess> nodes = new HashMap<>();
            try (TributaryProcess n1 = TributaryProcess.start(home, environment, "daemon", "--node-id", "n1");
                    TributaryProcess n2 = TributaryProcess.start(home, environment, "daemon", "--node-id", "n2")) {
                nodes.put("n1", n1);
                nodes.put("n2", n2);
                n1.awaitLog("Tributary daemon started: node n1, clustered on MariaDB", Duration.ofSeconds(90));
                n2.awaitLog("Tributary daemon started: node n2, clustered on MariaDB", Duration.ofSeconds(90));

                // from the CLI, another process: picked up by the running daemons. Weekly, three days from now, so no
                // regular firing lands inside this test; the firings it counts are the ones it makes
                String day = java.time.LocalDate.now().plusDays(3).getDayOfWeek().name().substring(0, 3);
                for (long id : connections) {
                    assertThat(cli.run("schedule", "set", Long.toString(id), "--entity", "products", "--active",
                            "--frequency", "weekly", "--day-of-week", day, "--time", "12:00").exitCode()).isZero();
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> cli.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS") == 3);

                try (QuartzClient quartz = new QuartzClient(environment)) {
                    for (long id : connections) {
                        quartz.fireNow(id, EntityType.PRODUCTS);
                    }
                    awaitOrShowLogs(Duration.ofSeconds(90), () -> cli.count("SELECT COUNT(*) FROM sync_run WHERE "
                            + "trigger_type = 'SCHEDULED' AND outcome = 'SUCCEEDED'") >= 3, nodes, cli);
                    // a firing run twice (by both nodes) would start within one acquisition cycle of the nodes'
                    // schedulers (Quartz's idle wait, 5 s): no new run may appear for longer than that
                    await("each firing ran once").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                            .untilAsserted(() -> assertThat(cli.count("SELECT COUNT(*) FROM sync_run")).isEqualTo(3));
                    for (long id : connections) {
                        assertThat(cli.count("SELECT COUNT(*) FROM sync_run WHERE connection_id = " + id)).isEqualTo(1);
                    }

                    // change a third of the catalogue, slow the shop down, fire one job and kill its node mid-sync
                    long victim = connections.get(0);
                    shop.clock().advance(Duration.ofHours(2));
                    for (int product : shop.productIds().subList(0, 300)) {
                        if ("simple".equals(shop.product(product).get("type").asText())) {
                            shop.editProduct(product, e -> e.regularPrice("7" + (product % 100) + ".25").salePrice(null));
                        }
                    }
                    shop.faults().inject(Fault.latency(Duration.ofMillis(200)), 100_000, "/wp-json/wc/v3/products");
                    quartz.fireNow(victim, EntityType.PRODUCTS);
                    await().atMost(Duration.ofSeconds(60)).until(() -> cli.count("SELECT COALESCE(MAX(read_count), 0) "
                            + "FROM sync_run WHERE outcome = 'RUNNING' AND connection_id = " + victim) >= 100);
                    JsonNode running = cli.run("runs", "--connection", Long.toString(victim), "--json").json().get(0);
                    assertThat(running.get("outcome").asText()).isEqualTo("RUNNING");
                    String node = running.get("node").asText().startsWith("daemon n1@") ? "n1" : "n2";
                    String survivor = node.equals("n1") ? "n2" : "n1";
                    nodes.get(node).kill();
                    shop.faults().clear();

                    awaitOrShowLogs(Duration.ofSeconds(120), () -> cli.count("SELECT COUNT(*) FROM sync_run WHERE "
                            + "connection_id = " + victim + " AND outcome = 'SUCCEEDED'") >= 2, nodes, cli);
                    JsonNode runs = cli.run("runs", "--connection", Long.toString(victim), "--json").json();
                    assertThat(runs).hasSize(3);
                    JsonNode recovery = runs.get(0);
                    assertThat(recovery.get("outcome").asText()).isEqualTo("SUCCEEDED");
                    assertThat(recovery.get("node").asText()).startsWith("daemon " + survivor + "@");
                    assertThat(runs.get(1).get("runId").asLong()).isEqualTo(running.get("runId").asLong());
                    assertThat(runs.get(1).get("outcome").asText()).isEqualTo("ABANDONED");
                    long killedRead = runs.get(1).get("read").asLong();
                    assertThat(killedRead).isPositive();

                    Map<String, String> stored = new HashMap<>();
                    for (JsonNode p : cli.run("products", "--connection", Long.toString(victim), "--limit", "10000",
                            "--json").json()) {
                        stored.put(p.get("externalId").asText(), p.get("price").isNull() ? "" : p.get("price").asText());
                    }
                    for (int product : shop.productIds()) {
                        String price = shop.product(product).path("price").asText("");
                        assertThat(stored.get(Integer.toString(product))).as("product " + product)
                                .isEqualTo(price.isEmpty() ? "" : new BigDecimal(price).toPlainString());
                    }
                    nodes.get(survivor).terminate();
                    assertThat(nodes.get(survivor).waitFor(Duration.ofSeconds(45))).isZero();
                }
            }
        }
    }
}
