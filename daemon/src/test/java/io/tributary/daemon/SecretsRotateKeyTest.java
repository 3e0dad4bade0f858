package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code tributary secrets rotate-key}: every secret re-encrypted with the new key in one transaction, the old key
 * refused afterwards, and a rotation that fails part-way changes nothing.
 */
class SecretsRotateKeyTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void rotatesTheDefaultKeyFileAndRefusesTheOldKey(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(2).orders(1).seed(3).start()) {
            cli.environment().remove("TRIBUTARY_MASTER_KEY"); // the key file of the data folder, made on first use
            addShop(cli, shop, "Shop A");
            addShop(cli, shop, "Shop B");
            Path defaultFile = home.resolve("master.key");
            String oldKey = Files.readString(defaultFile).trim();

            CliHarness.Result rotated = cli.run("secrets", "rotate-key", "--new-key-file",
                    home.resolve("keys/next.key").toString(), "--json");
            assertThat(rotated.exitCode()).as(rotated.all()).isZero();
            JsonNode answer = rotated.json();
            assertThat(answer.get("connections").asInt()).isEqualTo(2);
            String newKeyId = answer.get("newKeyId").asText();
            assertThat(answer.get("keyFile").asText()).isEqualTo(defaultFile.toAbsolutePath().toString());
            assertThat(Files.readString(defaultFile).trim()).isEqualTo(Files.readString(home.resolve("keys/next.key"))
                    .trim()).isNotEqualTo(oldKey);
            assertThat(rotated.all()).doesNotContain(oldKey, shop.consumerSecret());
            assertThat(sealedSecrets(cli)).hasSize(2).allSatisfy(sealed -> {
                assertThat(sealed).startsWith("v1:" + newKeyId + ":");
                assertThat(sealed).doesNotContain(shop.consumerSecret());
            });

            // the new key (now the default file) opens the secrets; the old one is refused in one sentence
            assertThat(cli.run("connection", "verify", "1").exitCode()).isZero();
            cli.environment().put("TRIBUTARY_MASTER_KEY", oldKey);
            CliHarness.Result refused = cli.run("connection", "verify", "2");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.all()).contains("encrypted with master key " + newKeyId).doesNotContain("Exception");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRotationThatFailsPartWayLeavesEverySecretUnderTheOldKey(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(2).orders(1).seed(3).start()) {
            addShop(cli, shop, "Shop A");
            addShop(cli, shop, "Shop B");
            List<String> before = sealedSecrets(cli);
            // a damaged second row: the rotation re-seals the first, then cannot open the second
            execute(cli, "UPDATE connection SET secrets_encrypted = 'v1:00000000:AAAA' WHERE id = 2");

            CliHarness.Result failed = cli.run("secrets", "rotate-key", "--new-key-file",
                    home.resolve("next.key").toString());
            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(2);
            assertThat(failed.err()).contains("master key");
            assertThat(sealedSecrets(cli).get(0)).isEqualTo(before.get(0)); // rolled back: still the old key's
            assertThat(cli.run("connection", "verify", "1").exitCode()).isZero();

            // the env key in use is not a file of the data folder: the command says which variable to set
            execute(cli, "UPDATE connection SET secrets_encrypted = '" + before.get(1) + "' WHERE id = 2");
            CliHarness.Result rotated = cli.run("secrets", "rotate-key", "--new-key-file",
                    home.resolve("next.key").toString());
            assertThat(rotated.exitCode()).as(rotated.all()).isZero();
            assertThat(rotated.out()).contains("2 connections", "TRIBUTARY_MASTER_KEY_FILE=" + home.resolve("next.key"));
            assertThat(cli.run("connection", "verify", "2").exitCode()).isEqualTo(2);
            cli.environment().remove("TRIBUTARY_MASTER_KEY");
            cli.environment().put("TRIBUTARY_MASTER_KEY_FILE", home.resolve("next.key").toString());
            assertThat(cli.run("connection", "verify", "2").exitCode()).isZero();
            assertThat(cli.run("secrets", "rotate-key", "--new-key-file", home.resolve("next.key").toString())
                    .err()).contains("the key in use already");
        }
    }

    private static void addShop(CliHarness cli, FakeWooCommerce shop, String name) {
        CliHarness.Result added = cli.run("connection", "add", "--system", "woocommerce", "--name", name, "--url",
                shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret());
        assertThat(added.exitCode()).as(added.all()).isZero();
    }

    private static List<String> sealedSecrets(CliHarness cli) throws Exception {
        var store = DaemonConfig.from(cli.environment(), null).store();
        List<String> sealed = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(store.effectiveUrl(), store.user(),
                        store.password().reveal());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT secrets_encrypted FROM connection ORDER BY id");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sealed.add(rows.getString(1));
            }
        }
        return sealed;
    }

    private static void execute(CliHarness cli, String sql) throws Exception {
        var store = DaemonConfig.from(cli.environment(), null).store();
        try (Connection connection = DriverManager.getConnection(store.effectiveUrl(), store.user(),
                        store.password().reveal());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
