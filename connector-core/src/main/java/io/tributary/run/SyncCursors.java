package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The sync cursor of each (connection, entity), kept in {@code sync_cursor}. Read and written the same way, on a
 * JDBC connection the caller holds: it is written only inside its page's transaction ({@link RecordWriter}).
 */
public final class SyncCursors {
    private final DataSource dataSource;

    public SyncCursors(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** The committed cursor, or {@link SyncCursor#START} when nothing was synced yet. */
    public SyncCursor load(long connectionId, EntityType entity) {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, connectionId, entity);
        } catch (SQLException e) {
            throw new StoreException("Reading the sync cursor of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    static SyncCursor load(Connection connection, long connectionId, EntityType entity) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT modified_at, last_id FROM sync_cursor WHERE connection_id = ? AND entity = ?")) {
            statement.setLong(1, connectionId);
            statement.setString(2, entity.name());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return SyncCursor.START;
                }
                Instant modifiedAt = Sql.getInstant(rows, "modified_at");
                return modifiedAt == null ? SyncCursor.START : SyncCursor.of(modifiedAt, rows.getString("last_id"));
            }
        }
    }

    static void save(Connection connection, long connectionId, EntityType entity, SyncCursor cursor, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO sync_cursor (connection_id, entity, modified_at, last_id, updated_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE modified_at = VALUES(modified_at), last_id = VALUES(last_id),"
                        + " updated_at = VALUES(updated_at)")) {
            statement.setLong(1, connectionId);
            statement.setString(2, entity.name());
            Sql.setInstant(statement, 3, cursor.modifiedAt());
            statement.setString(4, cursor.lastId());
            Sql.setInstant(statement, 5, now);
            statement.executeUpdate();
        }
    }
}
