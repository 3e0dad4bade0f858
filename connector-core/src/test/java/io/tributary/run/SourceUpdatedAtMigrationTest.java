package io.tributary.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records stored before V12 without a modification time of their own (CoopCycle deliveries) get the time they were
 * last written, as the writer now gives such records; records with a time of their own keep it.
 */
class SourceUpdatedAtMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsWithoutAModificationTimeGetTheTimeTheyWereStored(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            var config = database.config();
            Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password().reveal())
                    .locations("classpath:db/migration/core").target("8").load().migrate();
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password().reveal()); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO connection (store_id, system_id, name, api_url, options_json, "
                        + "secret_fields, enabled, created_at, updated_at, version) VALUES ((SELECT id FROM store "
                        + "WHERE code = 'default'), 'coopcycle', 'Couriers', 'https://acme.coopcycle.example/', '{}', "
                        + "'', TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)");
                String values = "'h', '{}', TIMESTAMP '2026-11-30 10:15:00.123456')";
                statement.executeUpdate("INSERT INTO orders (connection_id, external_id, source_updated_at, "
                        + "content_hash, raw_json, synced_at) VALUES ((SELECT MAX(id) FROM connection), '5120', NULL, "
                        + values);
                statement.executeUpdate("INSERT INTO orders (connection_id, external_id, source_updated_at, "
                        + "content_hash, raw_json, synced_at) VALUES ((SELECT MAX(id) FROM connection), '5121', "
                        + "TIMESTAMP '2026-11-29 08:00:00', " + values);
                statement.executeUpdate("INSERT INTO product (connection_id, external_id, source_updated_at, "
                        + "content_hash, raw_json, synced_at) VALUES ((SELECT MAX(id) FROM connection), '7', NULL, "
                        + values);
            }

            var store = database.store();

            assertThat(TestRows.string(store, "SELECT source_updated_at FROM orders WHERE external_id = '5120'"))
                    .startsWith("2026-11-30 10:15:00.123456");
            assertThat(TestRows.string(store, "SELECT source_updated_at FROM orders WHERE external_id = '5121'"))
                    .as("a time of its own is kept").startsWith("2026-11-29 08:00:00");
            assertThat(TestRows.string(store, "SELECT source_updated_at FROM product WHERE external_id = '7'"))
                    .startsWith("2026-11-30 10:15:00.123456");
        }
    }
}
