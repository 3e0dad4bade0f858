package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code tributary sync --full} of a Shopify shop whose bulk export outlasts the in-thread wait: the command waits in
 * its own process, says what it waits for, runs again when asked, and ends with the data.
 */
class ShopifyWaitCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFullSyncWaitsForASlowExportAndEndsWithTheData(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeShopify shopify = FakeShopify.builder().products(3).orders(20).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = cli.run("connection", "add", "--system", "shopify", "--name", "Slow export", "--url",
                    shopify.shopUrl().toString(), "--access-token", shopify.token(), "--credential", "bulk-wait=0",
                    "--json").json().get("id").asLong();
            shopify.bulkRunsForPolls(3);

            CliHarness.Result sync = cli.run("sync", Long.toString(id), "--entity", "orders", "--full", "--json");

            assertThat(sync.exitCode()).as(sync.all()).isZero();
            JsonNode run = sync.json();
            assertThat(run.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.get("inserted").asLong()).isEqualTo(20);
            assertThat(sync.err()).contains("Waiting: Shopify is still preparing the bulk export of orders (RUNNING")
                    .contains("Nothing was stored; the read looks again at ");
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run WHERE outcome = "
                    + "'WAITING'")).as("one run per status question that found it running").isEqualTo(3);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run")).isEqualTo(4);
            assertThat(shopify.requests("TributaryBulkStart")).hasSize(1);
            Map<String, String> totals = new TreeMap<>();
            shopify.orders().forEach(o -> totals.put(o.gid(), o.total().toPlainString()));
            Map<String, String> stored = new TreeMap<>();
            cli.run("orders", "--connection", Long.toString(id), "--limit", "100", "--json").json().forEach(o -> stored.put(
                    o.get("externalId").asText(), new java.math.BigDecimal(o.get("total").asText()).toPlainString()));
            assertThat(stored).isEqualTo(totals);

            CliHarness.Result runs = cli.run("runs", "--json");
            assertThat(runs.json().get(1).get("outcome").asText()).isEqualTo("WAITING");
            assertThat(runs.json().get(1).get("retryAt").asText()).endsWith("Z");
            assertThat(cli.run("runs").out()).contains("WAITING");
        }
    }
}
