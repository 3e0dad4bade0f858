package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.secret.MasterKey;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's consistency points through the real jar: one exit code per kind of mistake, empty results that say
 * why, the text show as complete as the JSON, and JSON errors on stdout.
 */
class ConsistencyIT {
    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {}

    private Run jar(Map<String, String> environment, String... args) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(home, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stdout(), process.stderr());
        }
    }

    @Test
    void oneExitCodePerKindOfMistakeAndEmptyResultsThatSayWhy() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(40).orders(30).seed(3).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            Run unverified = jar(cli.environment(), "connection", "show", Long.toString(id));
            assertThat(unverified.out()).as("never verified nor synced: not 'ok'").contains("  health:       "
                    + "unverified (check it with: tributary connection verify " + id + ")\n  failing:      no\n"
                    + "  last error:   -\n  verified:     never\n");
            assertThat(jar(cli.environment(), "connection", "list").out()).contains(" unverified ");
            assertThat(cli.run("connection", "show", Long.toString(id), "--json").json().get("health").asText())
                    .isEqualTo("unverified");
            assertThat(cli.run("connection", "verify", Long.toString(id)).exitCode()).isZero();
            assertThat(cli.run("connection", "show", Long.toString(id), "--json").json().get("health").asText())
                    .isEqualTo("ok");
            assertThat(cli.run("sync", Long.toString(id), "--entity", "products").exitCode()).isZero();
            assertThat(cli.run("sync", Long.toString(id), "--entity", "orders").exitCode()).isZero();
            long products = TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM product");
            long orders = TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM orders");
            Map<String, String> environment = cli.environment();

            // a master key that does not fit is a configuration error: exit 2 as in verify, and no FAILED run
            Map<String, String> wrongKey = new HashMap<>(environment);
            wrongKey.put("TRIBUTARY_MASTER_KEY", MasterKey.generate("other").toBase64());
            Run sync = jar(wrongKey, "sync", Long.toString(id), "--entity", "products");
            assertThat(sync.exitCode()).as(sync.err()).isEqualTo(2);
            assertThat(sync.err()).contains("master key");
            assertThat(jar(wrongKey, "connection", "verify", Long.toString(id)).exitCode()).isEqualTo(2);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run")).as("no run recorded")
                    .isEqualTo(2);
            assertThat(TestRows.count(cli.database().store(), "SELECT COUNT(*) FROM sync_run WHERE outcome = "
                    + "'FAILED'")).isZero();

            // an unknown id is refused everywhere
            for (String[] args : new String[][] {{"runs", "--connection", "42"}, {"products", "--connection", "42"},
                {"orders", "--connection", "42"}, {"schedule", "list", "--connection", "42"}}) {
                Run unknown = jar(environment, args);
                assertThat(unknown.exitCode()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(unknown.err().strip()).isEqualTo("Error: There is no connection with id 42.");
            }

            // empty results say why
            Run sku = jar(environment, "products", "--connection", Long.toString(id), "--sku", "MUG-BLUE");
            assertThat(sku.exitCode()).isZero();
            assertThat(sku.err().strip()).isEqualTo("No product of connection " + id + " has SKU MUG-BLUE ("
                    + products + " products stored).");
            Run status = jar(environment, "orders", "--status", "teleported");
            assertThat(status.err().strip()).isEqualTo("No order has status teleported (" + orders
                    + " orders stored).");

            // the text show has what the JSON has: health, the failing flag, the last error
            Run show = jar(environment, "connection", "show", Long.toString(id));
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).contains("  health:       ok\n  failing:      no\n  last error:   -\n");
            Map<String, String> fastFailing = new HashMap<>(environment);
            fastFailing.put("TRIBUTARY_FAILING_AFTER", "1");
            shop.faults().inject(io.tributary.testkit.http.Fault.status(401), 1, "/wp-json/wc/v3/orders");
            assertThat(jar(fastFailing, "sync", Long.toString(id), "--entity", "orders").exitCode()).isEqualTo(1);
            Run failing = jar(environment, "connection", "show", Long.toString(id));
            assertThat(failing.out()).containsPattern("  health:       FAILING \\(its last runs failed in a row\\)\n"
                    + "  failing:      yes\n  last error:   \\S");
            assertThat(cli.run("connection", "show", Long.toString(id), "--json").json().get("lastError").asText())
                    .isEqualTo(failing.out().lines().filter(l -> l.startsWith("  last error:")).findFirst()
                            .orElseThrow().substring("  last error:   ".length()));

            // --json errors are a JSON document on stdout, whatever the kind of mistake
            Run entity = jar(environment, "sync", Long.toString(id), "--entity", "foo", "--json");
            assertThat(entity.exitCode()).isEqualTo(2);
            assertThat(new ObjectMapper().readTree(entity.out()).get("exitCode").asInt()).isEqualTo(2);
            Run missing = jar(environment, "runs", "--connection", "42", "--json");
            assertThat(new ObjectMapper().readTree(missing.out()).get("error").asText())
                    .isEqualTo("There is no connection with id 42.");
        }
    }
}
