package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schedule.ScheduleService;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.secret.SecretsException;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionServiceTest {
    private static final String TOKEN = "tok_7f3a9c2e1b";
    private static final String SECRET = "sec_c0ffee15bad";

    private static ConnectionService service(CentralStore store, MasterKey key) {
        return new ConnectionService(store, ConnectorRegistry.load(), new SecretCipher(key), Clock.systemUTC(),
                ScheduleService.defaults(ZoneId.systemDefault(), Clock.systemUTC()));
    }

    private static ConnectionDraft draft(String name) {
        return new ConnectionDraft("scripted", name, "https://shop.example/api", null,
                Map.of(CredentialField.ACCESS_TOKEN, TOKEN, CredentialField.SECRET, SECRET, "mode", "fast"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void secretsAreSealedAtRestAndMaskedInViews(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            MasterKey key = MasterKey.generate("test");
            ConnectionService connections = service(database.store(), key);
            ConnectionView added = connections.add(draft("Acme shop"));

            String row = TestRows.string(database.store(), "SELECT CONCAT(name, '|', api_url, '|', options_json, '|', "
                    + "secrets_encrypted, '|', secret_fields) FROM connection WHERE id = " + added.id());
            assertThat(row).doesNotContain(TOKEN).doesNotContain(SECRET).contains("\"mode\":\"fast\"")
                    .contains("v1:" + key.id() + ":").contains("access-token,secret");
            assertThat(added.credentials()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("access-token", "****", "secret", "****", "mode", "fast"));
            assertThat(added.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
            assertThat(added.storeCode()).isEqualTo("default");

            ConnectionSettings settings = connections.settings(added.id());
            assertThat(settings.secret(CredentialField.ACCESS_TOKEN).orElseThrow().reveal()).isEqualTo(TOKEN);
            assertThat(settings.option("mode")).contains("fast");
            assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);

            ConnectionService wrongKey = service(database.store(), MasterKey.generate("TRIBUTARY_MASTER_KEY"));
            assertThat(wrongKey.list(null, null, null)).hasSize(1);
            assertThatThrownBy(() -> wrongKey.settings(added.id())).isInstanceOf(SecretsException.class)
                    .hasMessageContaining("were encrypted with master key " + key.id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void everyProblemIsListedAndNothingIsSaved(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectionService connections = service(database.store(), MasterKey.generate("test"));
            assertThatThrownBy(() -> connections.add(new ConnectionDraft("scripted", " ", "ftp://shop",
                    null, Map.of("colour", "red", CredentialField.SECRET, "x"))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(p -> p.field())
                            .containsExactlyInAnyOrder("name", "url", "access-token", "colour"));
            assertThatThrownBy(() -> connections.add(draft("x").withSystem("shopify")))
                    .hasMessage("Unknown system 'shopify'; known systems: scripted, scripted-products, scripted-unlisted, scripted-customers.");
            assertThat(connections.list(null, null, null)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void updateMergesCredentialsAndRemoveDeletesEverything(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectionService connections = service(database.store(), MasterKey.generate("test"));
            ConnectionView added = connections.add(draft("Acme"));
            connections.add(draft("Other"));
            assertThatThrownBy(() -> connections.update(added.id(), new ConnectionDraft(null, "Other", null, null,
                    null))).hasMessageContaining("already exists");

            ConnectionView changed = connections.update(added.id(), new ConnectionDraft(null, "Acme 2", null, "acme",
                    Map.of(CredentialField.SECRET, "new-secret-value", "mode", "")));
            assertThat(changed.name()).isEqualTo("Acme 2");
            assertThat(changed.storeCode()).isEqualTo("acme");
            assertThat(changed.credentials()).containsOnlyKeys("access-token", "secret");
            ConnectionSettings settings = connections.settings(added.id());
            assertThat(settings.secret(CredentialField.SECRET).orElseThrow().reveal()).isEqualTo("new-secret-value");
            assertThat(settings.secret(CredentialField.ACCESS_TOKEN).orElseThrow().reveal()).isEqualTo(TOKEN);

            assertThat(connections.setEnabled(added.id(), false).enabled()).isFalse();
            assertThat(connections.list(null, null, false)).extracting(ConnectionView::id).containsExactly(added.id());
            assertThat(connections.list(null, "acme", null)).hasSize(1);

            TestRows.run(database.store(), added.id(), io.tributary.spi.EntityType.PRODUCTS);
            connections.remove(added.id());
            assertThatThrownBy(() -> connections.show(added.id())).isInstanceOf(NotFoundException.class)
                    .hasMessage("There is no connection with id " + added.id() + ".");
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM sync_run")).isZero();
        }
    }
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void removingKeepingRecordsLeavesThemUnderTheConnectionsIdAndFreesItsName(TestDatabase.Backend backend)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectionService connections = service(database.store(), MasterKey.generate("test"));
            long id = connections.add(draft("Acme shop")).id();
            TestRows.run(database.store(), id, io.tributary.spi.EntityType.PRODUCTS);
            try (java.sql.Connection jdbc = database.store().dataSource().getConnection();
                    java.sql.Statement statement = jdbc.createStatement()) {
                statement.executeUpdate("INSERT INTO product (connection_id, external_id, content_hash, raw_json, "
                        + "synced_at) VALUES (" + id + ", 'p1', '" + "0".repeat(64) + "', '{}', CURRENT_TIMESTAMP(6))");
                statement.executeUpdate("INSERT INTO orders (connection_id, external_id, content_hash, raw_json, "
                        + "synced_at) VALUES (" + id + ", 'o1', '" + "0".repeat(64) + "', '{}', CURRENT_TIMESTAMP(6))");
                statement.executeUpdate("INSERT INTO order_line (connection_id, order_external_id, line_no) VALUES ("
                        + id + ", 'o1', 1)");
                statement.executeUpdate("INSERT INTO sync_cursor (connection_id, entity, updated_at) VALUES (" + id
                        + ", 'PRODUCTS', CURRENT_TIMESTAMP(6))");
            }

            connections.remove(id, true);

            for (String table : new String[] {"product", "orders", "order_line"}) {
                assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM " + table + " WHERE connection_id = "
                        + id)).as(table + " kept").isEqualTo(1);
            }
            for (String table : new String[] {"sync_run", "sync_schedule", "sync_cursor", "sync_lease"}) {
                assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM " + table + " WHERE connection_id = "
                        + id)).as(table + " gone").isZero();
            }
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM connection WHERE id = " + id
                    + " AND secrets_encrypted IS NULL AND options_json = '{}' AND enabled = FALSE "
                    + "AND removed_at IS NOT NULL")).as("no credentials left").isEqualTo(1);
            assertThat(connections.list(null, null, null)).isEmpty();
            assertThatThrownBy(() -> connections.show(id)).isInstanceOf(NotFoundException.class)
                    .hasMessageStartingWith("There is no connection with id " + id + " any more: it was removed on ")
                    .hasMessageEndingWith(", keeping its stored products and orders (tributary products --connection "
                            + id + ").");
            assertThatThrownBy(() -> connections.settings(id)).isInstanceOf(NotFoundException.class);
            connections.requireRecordsOwner(id);
            long again = connections.add(draft("Acme shop")).id();
            assertThat(again).as("its name is free").isNotEqualTo(id);
            assertThatThrownBy(() -> connections.remove(id, true)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was removed already");

            connections.remove(id, false);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isZero();
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM order_line")).isZero();
            assertThatThrownBy(() -> connections.requireRecordsOwner(id)).isInstanceOf(NotFoundException.class)
                    .hasMessage("There is no connection with id " + id + ".");
            assertThat(connections.list(null, null, null)).extracting(ConnectionView::id).containsExactly(again);
        }
    }
}
