package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connection remove} through the real jar: refused without --yes off a terminal, and --keep-records, which
 * removes the connection but leaves its products and orders under its id and store.
 */
class RemoveConnectionIT {
    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run jar(Map<String, String> environment, String... args) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(home, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stdout(), process.stderr());
        }
    }

    @Test
    void removeAsksForYesOffATerminalAndKeepRecordsLeavesProductsAndOrders() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(30).orders(20).seed(6).start()) {
            Map<String, String> environment = cli.environment();
            environment.put("TRIBUTARY_HTTP_RATE", "1000");
            String id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asText();
            assertThat(cli.run("sync", id, "--entity", "products").exitCode()).isZero();
            assertThat(cli.run("sync", id, "--entity", "orders").exitCode()).isZero();
            long products = TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product");

            Run unconfirmed = jar(environment, "connection", "remove", id);
            assertThat(unconfirmed.exitCode()).isEqualTo(2);
            assertThat(unconfirmed.err().strip()).isEqualTo("Error: Removing connection " + id + " (Shop) with its "
                    + products + " stored products and 20 orders cannot be undone: add --yes to confirm.");

            Run kept = jar(environment, "connection", "remove", id, "--keep-records", "--json");
            assertThat(kept.exitCode()).as(kept.err()).isZero();
            assertThat(kept.json().get("recordsKept").asBoolean()).isTrue();
            assertThat(jar(environment, "connection", "list", "--json").json()).isEmpty();
            assertThat(jar(environment, "products", "--connection", id, "--limit", "500", "--json").json())
                    .hasSize((int) products);
            assertThat(jar(environment, "orders", "--connection", id, "--json").json()).hasSize(20);
            Run show = jar(environment, "connection", "show", id);
            assertThat(show.exitCode()).isEqualTo(2);
            assertThat(show.err()).contains("There is no connection with id " + id + " any more: it was removed on ");
            Run sync = jar(environment, "sync", id, "--entity", "products");
            assertThat(sync.exitCode()).isEqualTo(2);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_schedule")).isZero();
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run")).isZero();
            Run again = jar(environment, "connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret());
            assertThat(again.exitCode()).as("its name is free: " + again.err()).isZero();

            Run twice = jar(environment, "connection", "remove", id, "--keep-records");
            assertThat(twice.exitCode()).isEqualTo(2);
            assertThat(twice.err().strip()).isEqualTo("Error: Connection " + id + " was removed already, keeping its "
                    + "records; to delete them too: tributary connection remove " + id + " --yes");
            Run deleted = jar(environment, "connection", "remove", id, "--yes");
            assertThat(deleted.exitCode()).as(deleted.err()).isZero();
            assertThat(deleted.out().strip()).isEqualTo("Removed connection " + id + " (removed before, keeping its "
                    + "records) with its " + products + " stored products and 20 orders.");
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product")).isZero();
            assertThat(jar(environment, "products", "--connection", id).exitCode()).isEqualTo(2);
        }
    }
}
