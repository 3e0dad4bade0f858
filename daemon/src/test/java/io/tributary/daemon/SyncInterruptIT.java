package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM on {@code tributary sync}, sent as real signals to the real jar: the run stops at a page
 * boundary as STOPPED with its cursor committed and its lease released, so the next sync starts at once and
 * continues; a second Ctrl-C aborts without waiting for the page in flight, and still releases the lease. Ctrl-C while
 * the command waits for a Shopify export ends the wait at once (no run is open then) and the next sync takes the
 * export up.
 */
class SyncInterruptIT {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";

    @TempDir
    Path home;

    private static long connect(CliHarness cli, FakeWooCommerce shop) {
        return cli.run("connection", "add", "--system", "woocommerce", "--name", "Slow shop", "--url",
                shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                "--json").json().get("id").asLong();
    }

    private static long total(FakeWooCommerce shop) {
        return shop.productIds().size() + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();
    }

    private static void awaitPagesStored(CliHarness cli) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> TestRows.count(
                cli.database().store(), "SELECT COALESCE(MAX(read_count), 0) FROM sync_run") >= 100);
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void oneSignalStopsAtAPageBoundaryReleasesTheLeaseAndTheNextSyncContinues(String signal, int exitCode)
            throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(700).orders(10).seed(9).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = connect(cli, shop);
            shop.faults().inject(Fault.latency(Duration.ofMillis(150)), 100_000, PRODUCTS);

            try (TributaryProcess sync = TributaryProcess.start(home, cli.environment(), "sync", Long.toString(id),
                    "--entity", "products")) {
                sync.awaitLog("Syncing products of connection " + id, Duration.ofSeconds(60));
                awaitPagesStored(cli);
                sync.signal(signal);
                assertThat(sync.waitFor(Duration.ofSeconds(30))).as(sync.stderr()).isEqualTo(exitCode);
                assertThat(sync.stderr()).contains("Interrupted (SIG" + signal + "): stopping at the next page "
                        + "boundary");
                assertThat(sync.stdout()).containsPattern("Run \\d+: products of connection " + id + " STOPPED");
            }
            assertThat(TestRows.string(cli.database().store(), "SELECT outcome FROM sync_run")).isEqualTo("STOPPED");
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_lease")).isZero();
            long stored = TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product");
            assertThat(stored).isPositive().isLessThan(total(shop));

            shop.faults().clear();
            CliHarness.Result next = cli.run("sync", Long.toString(id), "--entity", "products", "--json");
            assertThat(next.exitCode()).as("not refused for a lease left behind: " + next.all()).isZero();
            assertThat(next.json().get("read").asLong()).as("from the committed cursor")
                    .isLessThanOrEqualTo(total(shop) - stored + 20);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product")).isEqualTo(total(shop));
        }
    }

    @Test
    void aSecondCtrlCAbortsAtOnceAndStillReleasesTheLease() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(700).orders(10).seed(9).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = connect(cli, shop);
            shop.faults().inject(Fault.latency(Duration.ofMillis(150)), 100_000, PRODUCTS);

            try (TributaryProcess sync = TributaryProcess.start(home, cli.environment(), "sync", Long.toString(id),
                    "--entity", "products")) {
                awaitPagesStored(cli);
                // from now on a page takes 30 s: waiting for the page boundary would take that long
                shop.faults().clear();
                shop.faults().inject(Fault.latency(Duration.ofSeconds(30)), 100_000, PRODUCTS);
                sync.signal("INT");
                sync.awaitLog("Interrupted (SIGINT)", Duration.ofSeconds(10));
                Instant second = Instant.now();
                sync.signal("INT");
                assertThat(sync.waitFor(Duration.ofSeconds(15))).as(sync.stderr()).isEqualTo(130);
                assertThat(Duration.between(second, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(sync.stderr()).containsPattern("Aborted: run \\d+ closed as STOPPED, lease released\\.");
            }
            assertThat(TestRows.string(cli.database().store(), "SELECT outcome FROM sync_run")).isEqualTo("STOPPED");
            assertThat(TestRows.string(cli.database().store(), "SELECT error_message FROM sync_run"))
                    .startsWith("Aborted at once by a second interrupt");
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_lease")).isZero();

            shop.faults().clear();
            CliHarness.Result next = cli.run("sync", Long.toString(id), "--entity", "products");
            assertThat(next.exitCode()).as(next.all()).isZero();
        }
    }

    @Test
    void ctrlCWhileAFullSyncWaitsForShopifysExportEndsTheWaitAtOnce() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeShopify shopify = FakeShopify.builder().products(3).orders(10).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = cli.run("connection", "add", "--system", "shopify", "--name", "Slow export", "--url",
                    shopify.shopUrl().toString(), "--access-token", shopify.token(), "--credential", "bulk-wait=0",
                    "--json").json().get("id").asLong();
            shopify.holdBulk(true);

            try (TributaryProcess sync = TributaryProcess.start(home, cli.environment(), "sync", Long.toString(id),
                    "--entity", "orders", "--full")) {
                sync.awaitLog("Waiting: Shopify is still preparing the bulk export of orders", Duration.ofSeconds(60));
                Instant signalled = Instant.now();
                sync.signal("INT");
                assertThat(sync.waitFor(Duration.ofSeconds(15))).as(sync.stderr()).isEqualTo(130);
                assertThat(Duration.between(signalled, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(sync.stdout()).containsPattern("Run \\d+: orders of connection " + id + " WAITING");
            }
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run WHERE outcome <> "
                    + "'WAITING'")).as("no run left open").isZero();
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_lease")).isZero();
            assertThat(shopify.requests("TributaryBulkStart")).hasSize(1);

            shopify.holdBulk(false);
            CliHarness.Result next = cli.run("sync", Long.toString(id), "--entity", "orders", "--full", "--json");
            assertThat(next.exitCode()).as(next.all()).isZero();
            assertThat(next.json().get("inserted").asLong()).isEqualTo(10);
            assertThat(shopify.requests("TributaryBulkStart")).as("the same export, taken up").hasSize(1);
        }
    }
}
