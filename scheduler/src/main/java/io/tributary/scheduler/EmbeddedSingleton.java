package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.run.ProcessName;
import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * On the embedded H2 store one daemon runs at a time (its scheduler is not clustered, and two unclustered
 * schedulers on one job store corrupt it): the running daemon holds a row in {@code daemon_singleton}, renewed
 * while it runs; a second daemon finds it held and refuses to start, unless its holder is a process of this host that
 * no longer runs (a daemon killed with -9: the next one starts at once).
 */
public final class EmbeddedSingleton {
    private static final String NAME = "scheduler";
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;
    private final String owner;

    public EmbeddedSingleton(DataSource dataSource, Clock clock, Duration lease, String owner) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    /** Takes the row; throws with a sentence naming the other daemon when it holds it. */
    public void acquire() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT owner, expires_at FROM daemon_singleton WHERE name = ? FOR UPDATE")) {
                select.setString(1, NAME);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        Instant expires = Sql.getInstant(rows, "expires_at");
                        String holder = rows.getString(1);
                        // a daemon of this host killed with -9 left its row: its process is gone, so it is no
                        // reason to refuse the one restarting after it
                        if (expires.isAfter(now) && !owner.equals(holder) && !ProcessName.isDeadLocalProcess(holder)) {
                            connection.rollback();
                            throw new IllegalStateException("The embedded H2 database runs a single daemon, and another "
                                    + "one (" + holder + ") is running on it. Stop that one, or use MariaDB "
                                    + "(TRIBUTARY_DB_URL) to run several daemons as a cluster.");
                        }
                        write(connection, "UPDATE daemon_singleton SET owner = ?, expires_at = ? WHERE name = ?", now);
                    } else {
                        write(connection, "INSERT INTO daemon_singleton (owner, expires_at, name) VALUES (?, ?, ?)", now);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming the embedded database for this daemon failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    /** Extends the hold; call well within the lease. */
    public void renew() {
        try (Connection connection = dataSource.getConnection()) {
            write(connection, "UPDATE daemon_singleton SET owner = ?, expires_at = ? WHERE name = ?", clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Renewing the embedded database's daemon lease failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    public void release() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM daemon_singleton WHERE name = ? AND owner = ?")) {
            delete.setString(1, NAME);
            delete.setString(2, owner);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing the embedded database's daemon lease failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    private void write(Connection connection, String sql, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner);
            Sql.setInstant(statement, 2, now.plus(lease));
            statement.setString(3, NAME);
            statement.executeUpdate();
        }
    }
}
