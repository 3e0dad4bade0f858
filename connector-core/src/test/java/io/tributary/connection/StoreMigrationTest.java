package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.apikey.ApiKeyService;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store made before stores were first-class (schema V4) keeps its codes and connections through V5 and V6, and its
 * connections that synced successfully count as verified from V7 on.
 */
class StoreMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void storeCodesAndConnectionsSurviveTheMigration(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            var config = database.config();
            Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password().reveal())
                    .locations("classpath:db/migration/core").target("4").load().migrate();
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password().reveal()); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO store (code, name, created_at) VALUES ('acme', 'acme', "
                        + "CURRENT_TIMESTAMP(6))");
                statement.executeUpdate("INSERT INTO connection (store_id, system_id, name, api_url, options_json, "
                        + "secret_fields, enabled, created_at, updated_at, version) VALUES ((SELECT id FROM store "
                        + "WHERE code = 'acme'), 'scripted', 'Old shop', 'https://shop.example/', '{}', '', TRUE, "
                        + "CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)");
                statement.executeUpdate("INSERT INTO connection (store_id, system_id, name, api_url, options_json, "
                        + "secret_fields, enabled, created_at, updated_at, version) VALUES ((SELECT id FROM store "
                        + "WHERE code = 'acme'), 'scripted', 'Never synced', 'https://other.example/', '{}', '', TRUE, "
                        + "CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)");
                statement.executeUpdate("INSERT INTO sync_run (connection_id, entity, trigger_type, full_read, outcome, "
                        + "started_at, finished_at, read_count, inserted_count, updated_count, unchanged_count) VALUES "
                        + "((SELECT id FROM connection WHERE name = 'Old shop'), 'ORDERS', 'MANUAL', FALSE, 'SUCCEEDED', "
                        + "TIMESTAMP '2026-01-02 03:04:05.000000', TIMESTAMP '2026-01-02 03:04:06.500000', 1, 1, 0, 0)");
            }

            StoreService stores = new StoreService(database.store(), Clock.systemUTC());
            assertThat(stores.list()).extracting(StoreView::code).containsExactly("acme", "default");
            assertThat(stores.show("acme").connections()).isEqualTo(2);
            // V7: a connection that synced successfully has proved to work; one that never did is unverified
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM connection WHERE name = 'Old shop' "
                    + "AND verified_at = TIMESTAMP '2026-01-02 03:04:06.500000'")).isEqualTo(1);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM connection WHERE name = 'Never synced' "
                    + "AND verified_at IS NULL")).isEqualTo(1);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '6'"))
                    .isEqualTo(1);
            ApiKeyService keys = new ApiKeyService(database.store(), Clock.systemUTC());
            assertThat(keys.create("partner", List.of("acme"), List.of("orders.statuses")).key().stores())
                    .containsExactly("acme");
        }
    }
}
