package io.tributary.testing;

import io.tributary.spi.Secret;
import io.tributary.core.CoreModule;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import io.tributary.store.StoreModule;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway central store for one test: an in-memory H2 database in MariaDB mode, or a fresh database on the
 * real MariaDB server (127.0.0.1:3306, root, empty password by default; overridden by the system properties
 * {@code tributary.test.mariadb.url|user|password}), dropped on close. When nothing answers on the default
 * 127.0.0.1:3306 the tests start their own server ({@link ThrowawayMariaDb}); a MariaDB test is never skipped.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Backend { H2, MARIADB }

    private final Backend backend;
    private final StoreConfig config;
    private final String mariadbName;
    private CentralStore store;

    private TestDatabase(Backend backend, StoreConfig config, String mariadbName) {
        this.backend = backend;
        this.config = config;
        this.mariadbName = mariadbName;
    }

    /** A fresh, empty database of the given kind (not yet migrated). */
    public static TestDatabase create(Backend backend) {
        String name = "trib_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (backend == Backend.H2) {
            return new TestDatabase(backend, new StoreConfig("jdbc:h2:mem:" + name + ";MODE=MariaDB;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", Secret.of(""), 4),
                    null);
        }
        String serverUrl = mariadbServerUrl();
        try (Connection admin = DriverManager.getConnection(serverUrl, mariadbUser(), mariadbPassword());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("The test MariaDB server at " + serverUrl + " is not usable ("
                    + e.getMessage() + "). Start it (see README) — store tests run against real MariaDB.", e);
        }
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new TestDatabase(backend, new StoreConfig(url, mariadbUser(), Secret.of(mariadbPassword()), 4), name);
    }

    /**
     * The test server's URL: the system property, else 127.0.0.1:3306 — or, when that default answers nothing, a
     * throwaway server this JVM starts ({@link ThrowawayMariaDb}).
     */
    public static String mariadbServerUrl() {
        return ThrowawayMariaDb.serverUrl(System.getProperty("tributary.test.mariadb.url",
                ThrowawayMariaDb.DEFAULT_URL));
    }

    public static String mariadbUser() {
        return System.getProperty("tributary.test.mariadb.user", "root");
    }

    public static String mariadbPassword() {
        return System.getProperty("tributary.test.mariadb.password", "");
    }

    public Backend backend() {
        return backend;
    }

    public StoreConfig config() {
        return config;
    }

    /** Opens (and migrates) the store with connector-core's tables once; closed with this database. */
    public CentralStore store() {
        return store(CoreModule.STORE);
    }

    /** Opens (and migrates) the store with the tables of {@code modules} once; closed with this database. */
    public CentralStore store(StoreModule... modules) {
        if (store == null) {
            store = CentralStore.open(config, modules);
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (mariadbName != null) {
            try (Connection admin = DriverManager.getConnection(mariadbServerUrl(), mariadbUser(), mariadbPassword());
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + mariadbName);
            } catch (SQLException e) {
                throw new IllegalStateException("Dropping test database " + mariadbName + " failed", e);
            }
        } else if (backend == Backend.H2) {
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    @Override
    public String toString() {
        return backend.name();
    }
}
