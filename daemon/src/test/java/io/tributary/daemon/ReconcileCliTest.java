package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deletes at a WooCommerce shop through the CLI: {@code reconcile} marks and counts them, {@code sync --full} does
 * too, the listings leave them out unless {@code --deleted include|only} and show {@code deletedAt}, {@code runs}
 * shows the reconcile run; bad input ends with one sentence and exit 2.
 */
class ReconcileCliTest {
    @TempDir
    Path home;

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.forEach(record -> ids.add(record.get("externalId").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void reconcileMarksListsFiltersAndRevives(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(30).orders(12).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String id = Long.toString(cli.run("connection", "add", "--system", "woocommerce", "--name", "Fake",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asLong());
            assertThat(cli.run("sync", id, "--entity", "products").exitCode()).isZero();
            assertThat(cli.run("sync", id, "--entity", "orders").exitCode()).isZero();
            int product = shop.productIds().stream().filter(p -> shop.variationIds(p).isEmpty()).findFirst()
                    .orElseThrow();
            int order = shop.orderIds().get(2);
            shop.editProduct(product, p -> p.status("trash"));
            shop.editOrder(order, o -> o.status("trash"));

            CliHarness.Result reconciled = cli.run("reconcile", id, "--json");

            assertThat(reconciled.exitCode()).as(reconciled.all()).isZero();
            JsonNode runs = reconciled.json();
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).get("entity").asText()).isEqualTo("products");
            assertThat(runs.get(0).get("kind").asText()).isEqualTo("RECONCILE");
            assertThat(runs.get(0).get("markedDeleted").asLong()).isEqualTo(1);
            assertThat(runs.get(0).get("revived").asLong()).isZero();
            assertThat(runs.get(1).get("entity").asText()).isEqualTo("orders");
            assertThat(runs.get(1).get("markedDeleted").asLong()).isEqualTo(1);
            assertThat(runs.get(1).get("read").asLong()).as("ids listed").isEqualTo(11);

            JsonNode listed = cli.run("products", "--connection", id, "--json").json();
            assertThat(ids(listed)).doesNotContain(Integer.toString(product));
            assertThat(listed.get(0).has("deletedAt")).isTrue();
            assertThat(listed.get(0).get("deletedAt").isNull()).isTrue();
            JsonNode only = cli.run("products", "--connection", id, "--deleted", "only", "--json").json();
            assertThat(ids(only)).containsExactly(Integer.toString(product));
            assertThat(only.get(0).get("deletedAt").asText()).endsWith("Z");
            assertThat(ids(cli.run("products", "--connection", id, "--deleted", "include", "--json").json()))
                    .hasSize(listed.size() + 1);
            CliHarness.Result table = cli.run("orders", "--connection", id, "--deleted", "only");
            assertThat(table.out()).contains(Integer.toString(order)).contains(" (deleted)");
            CliHarness.Result csv = cli.run("orders", "--connection", id, "--deleted", "include", "--format", "csv");
            String header = csv.out().lines().findFirst().orElseThrow();
            assertThat(header).contains("deletedAt");
            assertThat(csv.out().lines().filter(l -> l.contains("Z,") || l.endsWith("Z"))).isNotEmpty();
            CliHarness.Result ndjson = cli.run("orders", "--connection", id, "--deleted", "only", "--format", "ndjson");
            assertThat(ndjson.out().lines()).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"deletedAt\":\"20"));
            assertThat(cli.run("orders", "--connection", id, "--deleted", "only", "--status", "processing").out())
                    .isEmpty();

            CliHarness.Result summary = cli.run("reconcile", id, "--entity", "orders");
            assertThat(summary.exitCode()).isZero();
            assertThat(summary.out()).contains("reconciling orders of connection " + id + " SUCCEEDED")
                    .contains("11 ids listed, 0 marked deleted, 0 revived");
            CliHarness.Result history = cli.run("runs", "--connection", id);
            assertThat(history.out()).contains("reconcile").contains("RECONCILE".toLowerCase());

            shop.editProduct(product, p -> p.status("publish"));
            shop.editOrder(order, o -> o.status("completed"));
            JsonNode full = cli.run("sync", id, "--entity", "orders", "--full", "--json").json();
            assertThat(full.get("kind").asText()).isEqualTo("SYNC");
            assertThat(full.get("full").asBoolean()).isTrue();
            assertThat(full.get("markedDeleted").asLong()).isZero();
            assertThat(ids(cli.run("orders", "--connection", id, "--deleted", "only", "--json").json())).isEmpty();
            JsonNode incremental = cli.run("sync", id, "--entity", "products", "--json").json();
            assertThat(incremental.get("markedDeleted").isNull()).as("an incremental sync looks for no deletes")
                    .isTrue();
            assertThat(ids(cli.run("products", "--connection", id, "--deleted", "only", "--json").json()))
                    .as("the restored product was read again, and so revived").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void badInputEndsWithOneSentenceAndExit2(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result filter = cli.run("products", "--deleted", "maybe");
            assertThat(filter.exitCode()).isEqualTo(2);
            assertThat(filter.err()).contains("Unknown deleted filter 'maybe': use exclude (the default), include "
                    + "or only.");
            CliHarness.Result unknown = cli.run("reconcile", "99");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("99");
            String coopcycle = Long.toString(cli.run("connection", "add", "--system", "coopcycle", "--name", "Bikes",
                    "--url", "https://coopcycle.example/", "--access-token", "key_1234", "--secret", "secret_1234",
                    "--json").json().path("id").asLong());
            CliHarness.Result cannot = cli.run("reconcile", coopcycle);
            assertThat(cannot.exitCode()).as(cannot.all()).isEqualTo(2);
            assertThat(cannot.err()).contains("CoopCycle does not delete deliveries, it cancels them");
        }
    }
}
