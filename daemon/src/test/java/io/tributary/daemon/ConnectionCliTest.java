package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionCliTest {
    private static final String KEY = "ck_4f1c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";
    private static final String SECRET = "cs_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b";

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void addListShowUpdateDisableEnableRemoveWithSecretsMasked(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result added = cli.run("connection", "add", "--system", "woocommerce", "--name", "Café Ümlaut",
                    "--url", "https://shop.example", "--access-token", KEY, "--secret", SECRET, "--store", "acme",
                    "--json");
            assertThat(added.exitCode()).as(added.all()).isZero();
            JsonNode connection = added.json();
            long id = connection.get("id").asLong();
            assertThat(connection.get("system").asText()).isEqualTo("woocommerce");
            assertThat(connection.get("name").asText()).isEqualTo("Café Ümlaut");
            assertThat(connection.get("url").asText()).isEqualTo("https://shop.example");
            assertThat(connection.get("store").asText()).isEqualTo("acme");
            assertThat(connection.get("enabled").asBoolean()).isTrue();
            assertThat(connection.get("createdAt").asText()).endsWith("Z");
            assertThat(connection.get("credentials").get("access-token").asText()).isEqualTo("****");
            assertThat(connection.get("credentials").get("secret").asText()).isEqualTo("****");
            assertThat(connection.get("fields")).extracting(f -> f.get("name").asText())
                    .containsExactly("access-token", "secret", "auth-mode");

            CliHarness.Result list = cli.run("connection", "list", "--json");
            assertThat(list.json()).hasSize(1);
            CliHarness.Result table = cli.run("connection", "list");
            assertThat(table.out()).contains("ID").contains("Café Ümlaut").contains("acme");
            CliHarness.Result show = cli.run("connection", "show", Long.toString(id));
            assertThat(show.out()).contains("access-token: ****").contains("fields of woocommerce");

            CliHarness.Result updated = cli.run("connection", "update", Long.toString(id), "--name", "Renamed",
                    "--credential", "auth-mode=query", "--json");
            assertThat(updated.exitCode()).as(updated.all()).isZero();
            assertThat(updated.json().get("credentials").get("auth-mode").asText()).isEqualTo("query");
            assertThat(cli.run("connection", "disable", Long.toString(id), "--json").json().get("enabled").asBoolean())
                    .isFalse();
            assertThat(cli.run("connection", "list", "--enabled", "--json").json()).isEmpty();
            assertThat(cli.run("connection", "list", "--disabled", "--json").json()).hasSize(1);
            assertThat(cli.run("connection", "enable", Long.toString(id)).exitCode()).isZero();

            String everything = added.all() + list.all() + table.all() + show.all() + updated.all();
            assertThat(everything).doesNotContain(KEY).doesNotContain(SECRET);
            String row = TestRows.string(cli.database().store(), "SELECT CONCAT(options_json, secrets_encrypted) "
                    + "FROM connection");
            assertThat(row).doesNotContain(KEY).doesNotContain(SECRET);

            CliHarness.Result unconfirmed = cli.run("connection", "remove", Long.toString(id));
            assertThat(unconfirmed.exitCode()).as("no terminal to ask on, no --yes").isEqualTo(2);
            assertThat(unconfirmed.err().strip()).startsWith("Error: Removing connection " + id + " (")
                    .endsWith(") with its 0 stored products and 0 orders cannot be undone: add --yes to confirm.");
            assertThat(cli.run("connection", "list", "--json").json()).hasSize(1);
            CliHarness.Result removed = cli.run("connection", "remove", Long.toString(id), "--yes", "--json");
            assertThat(removed.json().get("removed").asBoolean()).isTrue();
            assertThat(cli.run("connection", "list", "--json").json()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void badInputExitsWithTwoAndListsEveryProblem(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result invalid = cli.run("connection", "add", "--system", "woocommerce", "--name", "x",
                    "--url", "not a url", "--access-token", "abc", "--json");
            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.err()).contains("problems:").contains("url:").contains("secret:")
                    .contains("access-token:");
            JsonNode error = invalid.json();
            assertThat(error.get("exitCode").asInt()).isEqualTo(2);
            assertThat(error.get("problems")).hasSize(3);

            assertThat(cli.run("connection", "add", "--system", "fortnox", "--name", "x", "--url", "https://x.example")
                    .err()).contains("Unknown system 'fortnox'; known systems: ").contains("woocommerce")
                    .contains("magento").contains("coopcycle").contains("shopify");
            assertThat(cli.run("connection", "add", "--system", "shopify", "--name", "x", "--url", "https://x.example",
                    "--access-token", "shpat_abc").err()).startsWith("Error: 'x.example' is not a *.myshopify.com address");
            CliHarness.Result missing = cli.run("connection", "show", "404");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).isEqualTo("Error: There is no connection with id 404.\n");
            assertThat(cli.run("connection", "add", "--name", "x").exitCode()).isEqualTo(2);
            assertThat(cli.run("sync", "1", "--entity", "customers").exitCode()).isEqualTo(2);
            assertThat(cli.run("products", "--limit", "0").exitCode()).isEqualTo(2);
            assertThat(cli.run("connection", "add", "--system", "woocommerce", "--name", "plain", "--url",
                    "http://shop.example", "--access-token", KEY, "--secret", SECRET, "--credential", "auth-mode=basic")
                    .err()).contains("would send the consumer secret in clear over http://");
            assertThat(cli.run("connection", "list", "--json").json()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void secretsCanComeFromStandardInput(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result added = cli.runWithInput(KEY + "\n" + SECRET + "\n", "connection", "add", "--system",
                    "woocommerce", "--name", "stdin", "--url", "https://shop.example", "--access-token", "-",
                    "--secret", "-", "--json");
            assertThat(added.exitCode()).as(added.all()).isZero();
            assertThat(cli.run("connection", "list", "--json").json().get(0).get("credentials").get("secret").asText())
                    .isEqualTo("****");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aWrongMasterKeyIsAClearErrorNotACrash(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "k", "--url",
                    "https://shop.example", "--access-token", KEY, "--secret", SECRET, "--json").json().get("id").asLong();
            cli.environment().put("TRIBUTARY_MASTER_KEY", io.tributary.secret.MasterKey.generate("x").toBase64());

            CliHarness.Result verify = cli.run("connection", "verify", Long.toString(id));
            assertThat(verify.exitCode()).isEqualTo(2);
            assertThat(verify.err()).startsWith("Error: The stored secrets were encrypted with master key ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(cli.run("connection", "list", "--json").exitCode()).as("listing needs no secret").isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreachableStoreExitsWithThree() {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home)) {
            cli.environment().put("TRIBUTARY_DB_URL", "jdbc:mariadb://127.0.0.1:1/tributary");
            CliHarness.Result result = cli.run("connection", "list");
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).startsWith("Error: The central database at jdbc:mariadb://127.0.0.1:1/tributary "
                    + "cannot be reached");
        }
    }
}
