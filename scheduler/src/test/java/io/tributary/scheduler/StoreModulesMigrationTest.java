package io.tributary.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.CoreModule;
import io.tributary.store.CentralStore;
import io.tributary.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema is the set of modules the opener names, not the jars on the classpath: a store first opened with
 * connector-core's tables alone and later with the scheduler's reaches the same tables and columns as one that
 * had both from the start, and an opener naming only core still opens a store the scheduler has migrated.
 */
class StoreModulesMigrationTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aStoreOpenedWithoutTheSchedulerAndThenWithItMatchesOneThatHadBoth(TestDatabase.Backend backend)
            throws SQLException {
        try (TestDatabase late = TestDatabase.create(backend); TestDatabase early = TestDatabase.create(backend)) {
            try (CentralStore coreOnly = CentralStore.open(late.config(), CoreModule.STORE)) {
                assertThat(tables(coreOnly)).contains("connection", "sync_run").noneMatch(t -> t.startsWith("qrtz_"));
            }
            List<String> lateSchema;
            try (CentralStore both = CentralStore.open(late.config(), CoreModule.STORE, SchedulerModule.STORE)) {
                lateSchema = columns(both);
            }
            try (CentralStore both = CentralStore.open(early.config(), CoreModule.STORE, SchedulerModule.STORE)) {
                assertThat(tables(both)).contains("connection", "qrtz_triggers");
                assertThat(lateSchema).isEqualTo(columns(both));
            }
            try (CentralStore coreAgain = CentralStore.open(early.config(), CoreModule.STORE)) {
                assertThat(tables(coreAgain)).contains("qrtz_triggers");
            }
        }
    }

    private static List<String> tables(CentralStore store) throws SQLException {
        return columns(store).stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList();
    }

    /** Every table.column of the store's own schema (Flyway's history aside), lower-cased and sorted. */
    private static List<String> columns(CentralStore store) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = store.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            try (ResultSet rows = meta.getColumns(catalog, schema, "%", "%")) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.equals("flyway_schema_history")) {
                        columns.add(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + rows.getString("TYPE_NAME"));
                    }
                }
            }
        }
        return columns.stream().sorted().toList();
    }
}
