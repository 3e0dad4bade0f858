package io.tributary.writeback;

import io.tributary.store.CentralStore;
import io.tributary.store.Deadlocks;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code order_status_write} table: one row per attempt, claimed PENDING before the shop is asked (the unique
 * {@code in_flight} key lets one attempt per order talk to the shop at a time) and closed with the shop's answer.
 */
final class StatusWrites {
    private static final String COLUMNS = "id, connection_id, external_id, from_status, to_status, requested_by, "
            + "requested_at, finished_at, outcome, http_status, answer";

    private final DataSource dataSource;

    StatusWrites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the order for one attempt: a PENDING row, or empty when another attempt holds the order. An attempt
     * still PENDING since before {@code staleBefore} was left by a process that stopped: it is closed UNKNOWN and
     * the claim made.
     */
    Optional<Long> claim(long connectionId, String externalId, String from, String to, String requestedBy,
            Instant now, Instant staleBefore) {
        String key = connectionId + ":" + externalId;
        try {
            return Deadlocks.inTransaction(dataSource, connection -> {
                try (PreparedStatement stale = connection.prepareStatement("UPDATE order_status_write SET outcome = "
                        + "'UNKNOWN', in_flight = NULL, finished_at = ? WHERE in_flight = ? AND requested_at < ?")) {
                    Sql.setInstant(stale, 1, now);
                    stale.setString(2, key);
                    Sql.setInstant(stale, 3, staleBefore);
                    stale.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_status_write "
                        + "(connection_id, external_id, from_status, to_status, requested_by, requested_at, outcome, "
                        + "in_flight) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, connectionId);
                    insert.setString(2, externalId);
                    insert.setString(3, from);
                    insert.setString(4, to);
                    insert.setString(5, Sql.fit(requestedBy, 100));
                    Sql.setInstant(insert, 6, now);
                    insert.setString(7, key);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return Optional.of(keys.getLong(1));
                    }
                } catch (SQLException e) {
                    if (Sql.isDuplicateKey(e)) {
                        return Optional.<Long>empty();
                    }
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Gives a claim back without an attempt (the order had the status by the time the claim was made). */
    void drop(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM order_status_write WHERE id = ? "
                        + "AND outcome = 'PENDING'")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Closes the attempt with the shop's answer; for WRITTEN, in the same transaction the central order takes the
     * status (its stored time moves, so pollers of order statuses see it; its content hash stays the shop's).
     */
    void finish(StatusWrite claimed, StatusWrite.Outcome outcome, Integer httpStatus, String answer, Instant now) {
        long id = claimed.id();
        try {
            Deadlocks.inTransaction(dataSource, connection -> {
                if (outcome == StatusWrite.Outcome.WRITTEN) {
                    try (PreparedStatement order = connection.prepareStatement("UPDATE orders SET status = ?, "
                            + "synced_at = ? WHERE connection_id = ? AND external_id = ?")) {
                        order.setString(1, claimed.toStatus());
                        Sql.setInstant(order, 2, now);
                        order.setLong(3, claimed.connectionId());
                        order.setString(4, claimed.externalId());
                        order.executeUpdate();
                    }
                }
                try (PreparedStatement close = connection.prepareStatement("UPDATE order_status_write SET outcome = ?, "
                        + "http_status = ?, answer = ?, finished_at = ?, in_flight = NULL WHERE id = ?")) {
                    close.setString(1, outcome.name());
                    Sql.setInteger(close, 2, httpStatus);
                    close.setString(3, answer == null ? null : Sql.fit(answer, 500));
                    Sql.setInstant(close, 4, now);
                    close.setLong(5, id);
                    close.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    StatusWrite find(long id) {
        List<StatusWrite> found = query("SELECT " + COLUMNS + " FROM order_status_write WHERE id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The attempts on one order, oldest first. */
    List<StatusWrite> of(long connectionId, String externalId) {
        return query("SELECT " + COLUMNS + " FROM order_status_write WHERE connection_id = ? AND external_id = ? "
                + "ORDER BY id", connectionId, externalId);
    }

    private List<StatusWrite> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<StatusWrite> writes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    writes.add(new StatusWrite(rows.getLong("id"), rows.getLong("connection_id"),
                            rows.getString("external_id"), rows.getString("from_status"), rows.getString("to_status"),
                            rows.getString("requested_by"), Sql.getInstant(rows, "requested_at"),
                            Sql.getInstant(rows, "finished_at"), StatusWrite.Outcome.valueOf(rows.getString("outcome")),
                            Sql.getInteger(rows, "http_status"), rows.getString("answer")));
                }
            }
            return writes;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("Recording an order status write failed: " + CentralStore.rootMessage(e) + ".", e);
    }
}
