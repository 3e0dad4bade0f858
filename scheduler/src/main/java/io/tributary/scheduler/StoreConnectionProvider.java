package io.tributary.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from the central store's pool, so its tables live in the same database. */
final class StoreConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    StoreConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to the central store, which closes it
    }

    @Override
    public void initialize() {
        // nothing to set up
    }
}
