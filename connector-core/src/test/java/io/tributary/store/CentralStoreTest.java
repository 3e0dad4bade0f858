package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.Store;
import io.tributary.core.CoreModule;
import io.tributary.spi.Secret;
import io.tributary.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CentralStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void migrationsApplyAndHibernateValidatesTheSchema(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            List<String> tables = new ArrayList<>();
            try (Connection connection = store.dataSource().getConnection();
                    ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(tables).contains("store", "connection", "sync_cursor", "sync_run", "product", "orders",
                    "order_line");
            String defaultName = store.inTransaction(session -> session
                    .createSelectionQuery("from Store s where s.code = 'default'", Store.class).getSingleResult().name());
            assertThat(defaultName).isEqualTo("Default store");
            assertThat(store.reachable()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void openingTwiceDoesNotMigrateAgain(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            database.store();
            try (CentralStore second = CentralStore.open(database.config(), CoreModule.STORE);
                    Connection connection = second.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM store")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void anUnreachableServerIsAClearError() {
        StoreConfig config = new StoreConfig("jdbc:mariadb://127.0.0.1:1/tributary?password=hunter2", "root",
                Secret.of("hunter2"), 2);
        assertThatThrownBy(() -> CentralStore.open(config, CoreModule.STORE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("The central database at jdbc:mariadb://127.0.0.1:1/tributary?password=**** cannot be reached")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void onlyMariaDbAndH2UrlsAreAccepted() {
        assertThatThrownBy(() -> new StoreConfig("jdbc:postgresql://localhost/x", "u", Secret.of(""), 1))
                .hasMessageContaining("must be a MariaDB");
    }

    @Test
    void mariadbUrlsGetBatchRewritingAndNoLocalInfile() {
        StoreConfig config = new StoreConfig("jdbc:mariadb://db:3306/tributary", "u", Secret.of(""), 1);
        assertThat(config.effectiveUrl())
                .isEqualTo("jdbc:mariadb://db:3306/tributary?rewriteBatchedStatements=true&allowLocalInfile=false");
        StoreConfig explicit = new StoreConfig("jdbc:mariadb://db/t?rewriteBatchedStatements=false", "u",
                Secret.of(""), 1);
        assertThat(explicit.effectiveUrl()).startsWith("jdbc:mariadb://db/t?rewriteBatchedStatements=false&");
    }
}
