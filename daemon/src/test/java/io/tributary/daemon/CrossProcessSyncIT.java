package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs in separate processes on one MariaDB store: no overlap, and a killed sync is closed and resumed. */
class CrossProcessSyncIT {
    @TempDir
    Path home;

    private static long connect(CliHarness cli, FakeWooCommerce shop) {
        return cli.run("connection", "add", "--system", "woocommerce", "--name", "Slow shop", "--url",
                shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                "--json").json().get("id").asLong();
    }

    @Test
    void aSyncRunningInAnotherProcessIsRefusedThenAKilledOneIsAbandonedAndResumed() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(700).orders(10).seed(9).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().put("TRIBUTARY_LEASE", "PT60S");
            long id = connect(cli, shop);
            shop.faults().inject(Fault.latency(Duration.ofMillis(120)), 100_000, "/wp-json/wc/v3/products");
            Map<String, String> environment = cli.environment();

            try (TributaryProcess other = TributaryProcess.start(home, environment, "sync", Long.toString(id),
                    "--entity", "products")) {
                other.awaitLog("Syncing products of connection " + id, Duration.ofSeconds(60));
                CliHarness.Result refused = cli.run("sync", Long.toString(id), "--entity", "products");
                assertThat(refused.exitCode()).isEqualTo(1);
                assertThat(refused.err()).contains("Products of connection " + id + " are being synced already by run ")
                        .contains("(cli@").contains(":" + other.pid() + ", since ").contains("this sync was not started");

                // now kill it in the middle of its work: after it committed some pages, before the end
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> TestRows.count(
                        cli.database().store(), "SELECT COALESCE(MAX(read_count), 0) FROM sync_run") >= 100);
                other.kill();
            }
            long stored = TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product");
            assertThat(stored).as("the killed sync committed some pages, not all").isPositive()
                    .isLessThan(shop.productIds().size());
            assertThat(TestRows.string(cli.database().store(), "SELECT outcome FROM sync_run")).isEqualTo("RUNNING");

            shop.faults().clear();
            // the killed process ran on this host and no longer exists: the next sync takes over at once, without
            // waiting for its lease to run out
            // `runs` shows it as what it is, before any sync took its lease over
            CliHarness.Result runs = cli.run("runs", "--json");
            assertThat(runs.json().get(0).get("outcome").asText()).as(runs.all()).isEqualTo("ABANDONED");
            assertThat(runs.json().get(0).get("error").asText()).contains("stopped without finishing");
            CliHarness.Result resumed = cli.run("sync", Long.toString(id), "--entity", "products", "--json");

            long expected = shop.productIds().size()
                    + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.json().get("read").asLong()).as("from the last committed cursor, not from scratch")
                    .isLessThan(expected).isLessThanOrEqualTo(expected - stored + 20);
            assertThat(TestRows.string(cli.database().store(), "SELECT outcome FROM sync_run ORDER BY id LIMIT 1"))
                    .isEqualTo("ABANDONED");
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product")).isEqualTo(expected);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_lease")).isZero();
        }
    }
}
