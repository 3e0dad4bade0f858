package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreAndApiKeyCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void storesAddListRename(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result added = cli.run("store", "add", "acme", "--name", "Acme Retail", "--json");
            assertThat(added.exitCode()).as(added.all()).isZero();
            assertThat(added.json().get("code").asText()).isEqualTo("acme");
            assertThat(cli.run("store", "add", "acme", "--name", "Again").exitCode()).isEqualTo(2);
            assertThat(cli.run("store", "rename", "acme", "--name", "Acme Group", "--json").json().get("name").asText())
                    .isEqualTo("Acme Group");
            assertThat(cli.run("store", "rename", "nope", "--name", "x").exitCode()).isEqualTo(2);
            JsonNode list = cli.run("store", "list", "--json").json();
            assertThat(list).extracting(s -> s.get("code").asText()).containsExactly("acme", "default");
            assertThat(cli.run("store", "list").out()).contains("Acme Group").contains("Default store");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void apiKeysCreateListShowRevokeActivateWithTheTokenShownOnce(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            cli.run("store", "add", "north", "--name", "North");
            cli.run("store", "add", "south", "--name", "South");
            CliHarness.Result created = cli.run("apikey", "create", "--name", "partner", "--stores", "north,south",
                    "--methods", "orders.statuses", "--json");
            assertThat(created.exitCode()).as(created.all()).isZero();
            JsonNode key = created.json();
            String token = key.get("token").asText();
            assertThat(token).startsWith("trb_").hasSizeGreaterThanOrEqualTo(32);
            assertThat(key.get("prefix").asText()).isEqualTo(token.substring(0, 12));
            assertThat(key.get("accessType").asText()).isEqualTo("SELECTED_STORES");
            assertThat(key.get("stores")).extracting(JsonNode::asText).containsExactly("north", "south");
            assertThat(key.get("methods")).extracting(JsonNode::asText).containsExactly("orders.statuses");
            assertThat(key.get("active").asBoolean()).isTrue();
            long id = key.get("id").asLong();

            CliHarness.Result admin = cli.run("apikey", "create", "--name", "admin");
            assertThat(admin.out()).contains("trb_").contains("Stores: all. Methods: all.");

            CliHarness.Result list = cli.run("apikey", "list", "--json");
            CliHarness.Result table = cli.run("apikey", "list");
            CliHarness.Result show = cli.run("apikey", "show", Long.toString(id), "--json");
            assertThat(list.json()).hasSize(2);
            assertThat(table.out()).contains("partner").contains(token.substring(0, 12));
            assertThat(show.json().has("token")).isFalse();
            assertThat(list.all() + table.all() + show.all()).doesNotContain(token);
            assertThat(cli.run("apikey", "list", "--store", "north", "--access-type", "SELECTED_STORES", "--json")
                    .json()).hasSize(1);

            assertThat(cli.run("apikey", "revoke", Long.toString(id), "--json").json().get("active").asBoolean())
                    .isFalse();
            assertThat(cli.run("apikey", "list", "--revoked", "--json").json()).hasSize(1);
            assertThat(cli.run("apikey", "activate", Long.toString(id)).exitCode()).isZero();
            assertThat(cli.run("apikey", "list", "--active", "--json").json()).hasSize(2);
            assertThat(TestRows.string(cli.database().store(), "SELECT GROUP_CONCAT(token_hash) FROM api_key"))
                    .doesNotContain(token);

            CliHarness.Result bad = cli.run("apikey", "create", "--name", "x", "--methods", "orders.delete",
                    "--stores", "nowhere", "--json");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.json().get("problems")).extracting(p -> p.get("field").asText()).contains("methods");
            assertThat(cli.run("apikey", "revoke", "999").exitCode()).isEqualTo(2);
        }
    }
}
