package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.RejectedRecord;
import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records a sync could not read, set aside with why and what the system sent ({@code rejected_record}): written with
 * their page by {@link RecordWriter}, listed newest first by run or by connection.
 */
public final class RejectedRecords {
    private final DataSource dataSource;

    /** One record set aside: where it came from, why, and what was sent (cut to {@link RejectedRecord#MAX_PAYLOAD}). */
    public record Rejected(long id, long runId, long connectionId, String entity, String externalId, String reason,
            String payload, Instant rejectedAt) {}

    public RejectedRecords(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    static void insert(Connection connection, PageWrite write, Instant now) throws SQLException {
        List<RejectedRecord> rejected = write.page().rejected();
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO rejected_record (run_id, "
                + "connection_id, entity, external_id, reason, payload, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RejectedRecord record : rejected) {
                statement.setLong(1, write.runId());
                statement.setLong(2, write.connectionId());
                statement.setString(3, write.entity().name());
                statement.setString(4, Sql.fit(record.externalId(), 255));
                statement.setString(5, Sql.fit(record.reason(), 2000));
                statement.setString(6, record.payload());
                Sql.setInstant(statement, 7, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The records set aside by one run ({@code runId}) or for one connection ({@code connectionId}; null for every
     * connection), newest first, at most {@code limit}, those with an id below {@code beforeId} when given (the
     * next page).
     */
    public List<Rejected> list(Long runId, Long connectionId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, run_id, connection_id, entity, external_id, reason, payload,"
                + " rejected_at FROM rejected_record WHERE 1 = 1");
        List<Long> parameters = new ArrayList<>();
        if (runId != null) {
            sql.append(" AND run_id = ?");
            parameters.add(runId);
        }
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            parameters.add(connectionId);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            parameters.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
        List<Rejected> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setLong(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Rejected(rows.getLong("id"), rows.getLong("run_id"), rows.getLong("connection_id"),
                            rows.getString("entity"), rows.getString("external_id"), rows.getString("reason"),
                            rows.getString("payload"), Sql.getInstant(rows, "rejected_at")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Listing rejected records failed: " + CentralStore.rootMessage(e) + ".", e);
        }
        return found;
    }
}
