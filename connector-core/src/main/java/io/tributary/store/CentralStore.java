package io.tributary.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The central store, opened: a HikariCP pool, the schema of the named {@link StoreModule}s migrated by Flyway,
 * and Hibernate (validating, never creating) for their entities. Records take a plain JDBC path of their own.
 */
public final class CentralStore implements AutoCloseable {
    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final SessionFactory sessions;
    private final java.util.List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    private CentralStore(StoreConfig config, HikariDataSource dataSource, SessionFactory sessions) {
        this.config = config;
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    /**
     * Opens the store and migrates the schema of each of {@code modules}.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static CentralStore open(StoreConfig config, StoreModule... modules) {
        requireNonNull(config, "config is null");
        if (modules.length == 0) {
            throw new IllegalArgumentException("Name at least one store module whose tables to open.");
        }
        HikariDataSource dataSource = pool(config);
        try {
            migrate(config, dataSource, List.of(modules));
            return new CentralStore(config, dataSource, hibernate(dataSource, List.of(modules)));
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
            throw new StoreUnavailableException("The central database at " + config.redactedUrl() + " cannot be reached: "
                    + rootMessage(e) + ".", e);
        }
    }

    /**
     * One schema history for all modules, their versions numbered apart. {@code outOfOrder}: a store first opened
     * without a module (the core tests, say) and later with it gets that module's older versions applied then,
     * so it reaches the same schema as a store that had every module from the start; and an opener that names
     * fewer modules than the store has seen ignores the others' applied versions ({@code *:missing}).
     */
    private static void migrate(StoreConfig config, DataSource dataSource, List<StoreModule> modules) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(modules.stream().map(StoreModule::migrations).toArray(String[]::new))
                    .outOfOrder(true)
                    .ignoreMigrationPatterns("*:missing", "*:future")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The schema of the central database at " + config.redactedUrl()
                    + " could not be migrated: " + rootMessage(e), e);
        }
    }

    private static SessionFactory hibernate(DataSource dataSource, List<StoreModule> modules) {
        Configuration configuration = new Configuration();
        modules.forEach(module -> module.entities().forEach(configuration::addAnnotatedClass));
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

    /**
     * Runs {@code work} in one Hibernate transaction and returns its result; rolls back on any failure. A database
     * that cannot be reached is a {@link StoreException} naming the cause, as on the plain JDBC paths.
     */
    public <T> T inTransaction(Function<Session, T> work) {
        try {
            return sessions.fromTransaction(work);
        } catch (org.hibernate.exception.JDBCConnectionException e) {
            throw unreachable(e);
        }
    }

    /** Runs {@code work} in one Hibernate transaction; rolls back on any failure. */
    public void useTransaction(Consumer<Session> work) {
        try {
            sessions.inTransaction(work);
        } catch (org.hibernate.exception.JDBCConnectionException e) {
            throw unreachable(e);
        }
    }

    private static StoreException unreachable(RuntimeException e) {
        return new StoreException("The database cannot be reached: " + rootMessage(e) + ".", e);
    }

    /** Checks that the database answers; for health checks. */
    public boolean reachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs {@code cleanup} when the store closes (database sessions kept beside the pool, say). */
    public void onClose(Runnable cleanup) {
        onClose.add(requireNonNull(cleanup, "cleanup is null"));
    }

    @Override
    public void close() {
        for (Runnable cleanup : onClose) {
            try {
                cleanup.run();
            } catch (RuntimeException ignored) {
                // closing goes on: the pool and the sessions below matter more
            }
        }
        sessions.close();
        dataSource.close();
    }
}
