package io.tributary.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.connection.Store;
import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.schedule.SyncSchedule;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The central store, opened: a HikariCP pool, the schema migrated by Flyway, and Hibernate (validating, never
 * creating) for the domain — stores, connections, sync runs. Records take the JDBC path of {@link RecordWriter}.
 */
public final class CentralStore implements AutoCloseable {
    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final SessionFactory sessions;

    private CentralStore(StoreConfig config, HikariDataSource dataSource, SessionFactory sessions) {
        this.config = config;
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    /**
     * Opens the store and migrates its schema.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static CentralStore open(StoreConfig config) {
        requireNonNull(config, "config is null");
        HikariDataSource dataSource = pool(config);
        try {
            migrate(config, dataSource);
            return new CentralStore(config, dataSource, hibernate(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("tributary-store");
        hikari.setJdbcUrl(config.effectiveUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password().reveal());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(1);
        hikari.setAutoCommit(true);
        if (config.vendor() == StoreConfig.Vendor.MARIADB) {
            // short transactions that lock rows they name, not the gaps next to them: concurrent syncs of
            // different connections (and their leases) do not deadlock each other over index gaps
            hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("The central store at " + config.redactedUrl() + " cannot be reached: "
                    + rootMessage(e) + ".", e);
        }
    }

    private static void migrate(StoreConfig config, DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/modules")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The schema of the central store at " + config.redactedUrl()
                    + " could not be migrated: " + rootMessage(e), e);
        }
    }

    private static SessionFactory hibernate(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Store.class)
                .addAnnotatedClass(StoredConnection.class)
                .addAnnotatedClass(SyncRun.class)
                .addAnnotatedClass(SyncSchedule.class);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        configuration.setProperty("hibernate.jdbc.time_zone", "UTC");
        configuration.setProperty("hibernate.show_sql", "false");
        return configuration.buildSessionFactory();
    }

    /** The first line of a failure's root cause, secrets of the store URL removed, without a closing period. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.lines().findFirst().orElse(message).trim();
        message = StoreConfig.redact(message);
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    public StoreConfig config() {
        return config;
    }

    public StoreConfig.Vendor vendor() {
        return config.vendor();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one Hibernate transaction and returns its result; rolls back on any failure. */
    public <T> T inTransaction(Function<Session, T> work) {
        return sessions.fromTransaction(work);
    }

    /** Runs {@code work} in one Hibernate transaction; rolls back on any failure. */
    public void useTransaction(Consumer<Session> work) {
        sessions.inTransaction(work);
    }

    /** Checks that the database answers; for health checks. */
    public boolean reachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sessions.close();
        dataSource.close();
    }
}
