package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.store.Deadlocks;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database side of a reconciliation pass, as a mark and a sweep so that memory stays flat however many records
 * a connection has: each page of ids listed at the source marks the stored rows it names as seen by the run
 * ({@code seen_by_run}); once the listing is complete, one transaction soft-deletes the rows of the (connection,
 * entity) the run did not see ({@code deleted_at} set) and revives the seen ones that were marked deleted. Rows are
 * never removed. A listing that fails before its end never reaches the sweep, so it marks nothing deleted; its
 * marks are only the run's id and mean nothing to the next run. Every write checks the caller's lease in the same
 * transaction, as a sync's page does: no sync of the same (connection, entity) stores records in between.
 */
public final class Reconciliation {
    /** What a sweep changed: records newly marked deleted, and records marked deleted before that came back. */
    public record Result(long deleted, long revived) {}

    /** Ids per UPDATE of the mark: placeholders stay far below what the drivers allow. */
    private static final int MARK_BATCH = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public Reconciliation(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Marks the stored records of {@code ids} as seen by {@code runId}. Ids not stored are left alone: a record the
     * sync has not read yet is the sync's business, not a delete's.
     *
     * @return how many stored records the page named
     * @throws LeaseLostException when the lease is no longer held (nothing is marked)
     */
    public long mark(long connectionId, EntityType entity, long runId, List<String> ids, SyncLeases leases,
            SyncLease lease) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return inTransaction(entity, connectionId, "marking the ids listed", connection -> {
            long marked = 0;
            for (int start = 0; start < distinct.size(); start += MARK_BATCH) {
                List<String> chunk = distinct.subList(start, Math.min(distinct.size(), start + MARK_BATCH));
                try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table(entity)
                        + " SET seen_by_run = ? WHERE connection_id = ? AND external_id IN ("
                        + Sql.placeholders(chunk.size()) + ")")) {
                    statement.setLong(1, runId);
                    statement.setLong(2, connectionId);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 3, chunk.get(i));
                    }
                    marked += statement.executeUpdate();
                }
            }
            checkLease(connection, leases, lease);
            return marked;
        });
    }

    /**
     * Whether the store holds any record (deleted or not) of the (connection, entity). A full sync that began with
     * none has nothing to look for deletes among: every record it stored it has just read at the source.
     */
    public boolean holdsAny(long connectionId, EntityType entity) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table(entity)
                        + " WHERE connection_id = ? LIMIT 1")) {
            statement.setLong(1, connectionId);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading whether " + entity.cliName() + " of connection " + connectionId
                    + " are stored failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }

    /**
     * After a complete listing: marks deleted (now) every stored record of the (connection, entity) that
     * {@code runId} did not see, and revives every seen one that was marked deleted, in one transaction.
     *
     * @throws LeaseLostException when the lease is no longer held (nothing changes)
     */
    public Result sweep(long connectionId, EntityType entity, long runId, SyncLeases leases, SyncLease lease) {
        return inTransaction(entity, connectionId, "marking records deleted", connection -> {
            long deleted;
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table(entity)
                    + " SET deleted_at = ?, synced_at = ? WHERE connection_id = ? AND deleted_at IS NULL"
                    + " AND (seen_by_run IS NULL OR seen_by_run <> ?)")) {
                // a mark is a stored change like any other: partners polling changes since a time see it
                Instant now = clock.instant();
                Sql.setInstant(statement, 1, now);
                Sql.setInstant(statement, 2, now);
                statement.setLong(3, connectionId);
                statement.setLong(4, runId);
                deleted = statement.executeUpdate();
            }
            long revived;
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table(entity)
                    + " SET deleted_at = NULL, synced_at = ? WHERE connection_id = ? AND deleted_at IS NOT NULL"
                    + " AND seen_by_run = ?")) {
                Sql.setInstant(statement, 1, clock.instant());
                statement.setLong(2, connectionId);
                statement.setLong(3, runId);
                revived = statement.executeUpdate();
            }
            checkLease(connection, leases, lease);
            return new Result(deleted, revived);
        });
    }

    private static void checkLease(Connection connection, SyncLeases leases, SyncLease lease) throws SQLException {
        if (lease != null) {
            SyncLeases.checkHeld(connection, lease, leases.nextExpiry());
        }
    }

    static String table(EntityType entity) {
        return switch (entity) {
            case PRODUCTS -> RecordTable.PRODUCTS.table();
            case ORDERS -> RecordTable.ORDERS.table();
            // no system lists customers' ids for a reconciliation pass (no provider names them listable)
            case CUSTOMERS -> throw new IllegalArgumentException("Customers are not reconciled: no system lists "
                    + "their ids.");
        };
    }

    private <T> T inTransaction(EntityType entity, long connectionId, String what, Deadlocks.TransactionWork<T> work) {
        try {
            return Deadlocks.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreException("Reconciling " + entity.cliName() + " of connection " + connectionId + " failed "
                    + "while " + what + ": " + CentralStore.rootMessage(e) + ".", e);
        }
    }
}
