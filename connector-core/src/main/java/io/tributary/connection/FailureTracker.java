package io.tributary.connection;

import static java.util.Objects.requireNonNull;

import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags a connection as failing after {@code threshold} failed runs in a row (logged at WARN once, when it
 * becomes failing), and clears the flag with the next successful run. Stopped and abandoned runs count as
 * neither.
 */
public final class FailureTracker {
    private static final Logger log = LoggerFactory.getLogger(FailureTracker.class);
    private final DataSource dataSource;
    private final int threshold;

    public FailureTracker(DataSource dataSource, int threshold) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** A run of the connection succeeded at {@code at}: it is no longer failing, and it proved to work then. */
    public void recordSuccess(long connectionId, String label, java.time.Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE connection SET verified_at = ? WHERE id = ?")) {
                Sql.setInstant(statement, 1, at);
                statement.setLong(2, connectionId);
                statement.executeUpdate();
            }
            int recovered = update(connection, "UPDATE connection SET failing = FALSE WHERE id = ? AND failing = TRUE",
                    connectionId, null);
            update(connection, "UPDATE connection SET consecutive_failures = 0, last_error = NULL WHERE id = ? "
                    + "AND (consecutive_failures > 0 OR last_error IS NOT NULL)", connectionId, null);
            connection.commit();
            if (recovered == 1) {
                log.info("{} is no longer failing: its last run succeeded", label);
            }
        } catch (SQLException e) {
            throw new StoreException("Recording a successful run of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    public void recordFailure(long connectionId, String label, String error) {
        String message = error == null ? "unknown error" : Sql.fit(error, 2000);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(connection, "UPDATE connection SET consecutive_failures = consecutive_failures + 1, last_error = ? "
                    + "WHERE id = ?", connectionId, message);
            int flagged;
            try (PreparedStatement statement = connection.prepareStatement("UPDATE connection SET failing = TRUE "
                    + "WHERE id = ? AND failing = FALSE AND consecutive_failures >= ?")) {
                statement.setLong(1, connectionId);
                statement.setInt(2, threshold);
                flagged = statement.executeUpdate();
            }
            connection.commit();
            if (flagged == 1) {
                log.warn("{} is failing: its last {} runs failed; last error: {}", label, threshold, message);
            }
        } catch (SQLException e) {
            throw new StoreException("Recording a failed run of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    private static int update(Connection connection, String sql, long connectionId, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (error != null) {
                statement.setString(index++, error);
            }
            statement.setLong(index, connectionId);
            return statement.executeUpdate();
        }
    }
}
