package io.tributary.writeback;

import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** The status of an order that has no shop (sent in through the API), changed where it is stored. */
final class CentralChange {
    private final DataSource dataSource;

    CentralChange(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets the status; the stored time moves, so pollers of order statuses see the change. */
    void set(long connectionId, String externalId, String status, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE orders SET status = ?, synced_at = ? "
                        + "WHERE connection_id = ? AND external_id = ?")) {
            update.setString(1, status);
            Sql.setInstant(update, 2, now);
            update.setLong(3, connectionId);
            update.setString(4, externalId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Changing an order's status failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }
}
