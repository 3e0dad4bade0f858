package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.customer.CustomerLinker;
import io.tributary.spi.CustomerRecord;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.SourceRecord;
import io.tributary.store.CentralStore;
import io.tributary.store.Deadlocks;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The record path: stores one page of records and moves the sync cursor in one JDBC transaction, so the cursor
 * never runs ahead of what is stored. Records are keyed by (connection, external id) and written as batched
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}; a record whose content hash matches the stored one is counted as
 * unchanged and not written at all.
 */
public final class RecordWriter {
    private final DataSource dataSource;
    private final Clock clock;

    public RecordWriter(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Stores a page (and sets aside the records it could not read: {@link RejectedRecords}), moves the
     * (connection, entity) cursor to {@link PageWrite#cursorAfter()} and sets the run's counts to the totals before
     * it plus this page's, all in one transaction.
     *
     * @return this page's counts
     * @throws IllegalArgumentException when a record does not fit the store (nothing of the page is stored)
     * @throws StoreException           when the database fails (nothing of the page is stored)
     */
    public PageCounts write(PageWrite write) {
        return write(write, null, null);
    }

    /**
     * As {@link #write(PageWrite)}, and in the same transaction extends the sync's lease, or writes nothing when
     * it is no longer held.
     *
     * @throws LeaseLostException when the lease expired and another process took it over
     */
    public PageCounts write(PageWrite write, SyncLeases leases, SyncLease lease) {
        Map<String, SourceRecord> latest = new LinkedHashMap<>();
        for (SourceRecord record : write.page().records()) {
            latest.put(record.externalId(), record); // a record twice in one page: the later copy wins
        }
        try {
            return Deadlocks.inTransaction(dataSource,
                    connection -> writePage(connection, write, latest.values(), leases, lease));
        } catch (SQLException e) {
            throw new StoreException("Storing a page of " + write.entity().cliName() + " for connection "
                    + write.connectionId() + " failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }

    /**
     * Stores one order that did not come from a sync (one posted through the API) when the connection has no order
     * with its id yet, with its lines and customer, in one transaction; the connection's row is locked for it, so
     * of concurrent calls with one id exactly one stores it.
     *
     * @return whether this call stored it (false: an order with that id was there already, and is left as it is)
     * @throws IllegalArgumentException when the order does not fit the store (nothing is stored)
     * @throws StoreException           when the database fails (nothing is stored)
     */
    public boolean insertIfAbsent(long connectionId, OrderRecord order) {
        try {
            return Deadlocks.inTransaction(dataSource, connection -> insertIfAbsent(connection, connectionId, order));
        } catch (SQLException e) {
            throw new StoreException("Storing order " + order.externalId() + " for connection " + connectionId
                    + " failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }

    private boolean insertIfAbsent(Connection connection, long connectionId, OrderRecord order) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM connection WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, connectionId);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("There is no connection with id " + connectionId + ".");
                }
            }
        }
        boolean absent = storedHashes(connection, connectionId, RecordTable.ORDERS, List.of(order)).isEmpty();
        if (absent) {
            upsert(connection, connectionId, RecordTable.ORDERS, List.of(order), 1, this::customersOfOrders,
                    this::replaceLines);
        }
        return absent;
    }

    private PageCounts writePage(Connection connection, PageWrite write, Collection<SourceRecord> latest,
            SyncLeases leases, SyncLease lease) throws SQLException {
        long connectionId = write.connectionId();
        int read = write.page().records().size();
        PageCounts counts = switch (write.entity()) {
            case PRODUCTS -> upsert(connection, connectionId, RecordTable.PRODUCTS,
                    narrow(latest, ProductRecord.class), read, null, null);
            case ORDERS -> upsert(connection, connectionId, RecordTable.ORDERS,
                    narrow(latest, OrderRecord.class), read, this::customersOfOrders, this::replaceLines);
            case CUSTOMERS -> upsert(connection, connectionId, RecordTable.CUSTOMERS,
                    narrow(latest, CustomerRecord.class), read, this::customersOfAccounts, null);
        };
        RejectedRecords.insert(connection, write, clock.instant());
        SyncCursors.save(connection, connectionId, write.entity(), write.cursorAfter(), clock.instant());
        SyncRuns.saveCounts(connection, write.runId(), write.totalsBefore().plus(counts));
        if (lease != null) {
            SyncLeases.checkHeld(connection, lease, leases.nextExpiry());
        }
        return counts;
    }

    /** What the link column of each changed record holds (its customer), found before the records are stored. */
    private interface Links<R> {
        Long[] of(Connection connection, long connectionId, List<R> changed) throws SQLException;
    }

    private interface ChangedRecords<R> {
        void apply(Connection connection, long connectionId, List<R> changed) throws SQLException;
    }

    private <R extends SourceRecord> PageCounts upsert(Connection connection, long connectionId, RecordTable<R> table,
            List<R> records, int read, Links<R> links, ChangedRecords<R> afterUpsert) throws SQLException {
        Map<String, String> storedHashes = storedHashes(connection, connectionId, table, records);
        List<R> changed = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        long inserted = 0;
        long updated = 0;
        for (R record : records) {
            table.checkLengths(record);
            String hash = table.contentHash(record);
            String stored = storedHashes.get(record.externalId()); // "" for a row marked deleted
            if (hash.equals(stored)) {
                continue;
            }
            if (stored == null) {
                inserted++;
            } else {
                updated++;
            }
            changed.add(record);
            hashes.add(hash);
        }
        if (!changed.isEmpty()) {
            Instant now = clock.instant();
            Long[] linked = links == null ? new Long[changed.size()] : links.of(connection, connectionId, changed);
            try (PreparedStatement statement = connection.prepareStatement(table.upsertSql())) {
                for (int i = 0; i < changed.size(); i++) {
                    table.bind(statement, connectionId, changed.get(i), linked[i], hashes.get(i), now);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            if (afterUpsert != null) {
                afterUpsert.apply(connection, connectionId, changed);
            }
        }
        long unchanged = records.size() - inserted - updated;
        // duplicates inside the page were read but are not separate records
        return new PageCounts(read, inserted, updated, unchanged + (read - records.size()));
    }

    private <R extends SourceRecord> Map<String, String> storedHashes(Connection connection, long connectionId,
            RecordTable<R> table, List<R> records) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        if (records.isEmpty()) {
            return hashes;
        }
        // a row marked deleted is never "unchanged": storing it again is what revives it
        String sql = "SELECT external_id, CASE WHEN deleted_at IS NULL THEN content_hash END FROM " + table.table()
                + " WHERE connection_id = ? AND external_id IN (" + Sql.placeholders(records.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, connectionId);
            for (int i = 0; i < records.size(); i++) {
                statement.setString(i + 2, records.get(i).externalId());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2) == null ? "" : rows.getString(2));
                }
            }
        }
        return hashes;
    }

    /**
     * The customer of each changed order, as its e-mail and phone say now, found (created, merged) in the page's
     * transaction before the orders are stored, so an order is never stored without its customer.
     */
    private Long[] customersOfOrders(Connection connection, long connectionId, List<OrderRecord> orders)
            throws SQLException {
        return CustomerLinker.customersOf(connection, connectionId, orders, clock.instant());
    }

    /** The central customer of each changed account, as its e-mail and phone say now, by the rules of orders. */
    private Long[] customersOfAccounts(Connection connection, long connectionId, List<CustomerRecord> accounts)
            throws SQLException {
        List<CustomerLinker.Item> items = new ArrayList<>(accounts.size());
        for (CustomerRecord account : accounts) {
            items.add(new CustomerLinker.Item(account.externalId(), account.email(), account.phone()));
        }
        return CustomerLinker.customersOfAccounts(connection, connectionId, items, clock.instant());
    }

    /** Replaces the lines of changed orders: the order's lines as the source has them now. */
    private void replaceLines(Connection connection, long connectionId, List<OrderRecord> orders) throws SQLException {
        String delete = "DELETE FROM order_line WHERE connection_id = ? AND order_external_id IN ("
                + Sql.placeholders(orders.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setLong(1, connectionId);
            for (int i = 0; i < orders.size(); i++) {
                statement.setString(i + 2, orders.get(i).externalId());
            }
            statement.executeUpdate();
        }
        String insert = "INSERT INTO order_line (connection_id, order_external_id, line_no, external_id, "
                + "product_external_id, sku, name, quantity, unit_price, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            boolean any = false;
            for (OrderRecord order : orders) {
                int lineNo = 1;
                for (OrderLineRecord line : order.lines()) {
                    checkLine(order, line);
                    statement.setLong(1, connectionId);
                    statement.setString(2, order.externalId());
                    statement.setInt(3, lineNo++);
                    statement.setString(4, line.externalId());
                    statement.setString(5, line.productExternalId());
                    statement.setString(6, line.sku());
                    statement.setString(7, line.name());
                    Sql.setDecimal(statement, 8, line.quantity());
                    Sql.setDecimal(statement, 9, line.unitPrice());
                    Sql.setDecimal(statement, 10, line.total());
                    statement.addBatch();
                    any = true;
                }
            }
            if (any) {
                statement.executeBatch();
            }
        }
    }

    private static void checkLine(OrderRecord order, OrderLineRecord line) {
        if ((line.sku() != null && line.sku().length() > 255) || (line.name() != null && line.name().length() > 1000)
                || (line.externalId() != null && line.externalId().length() > 100)
                || (line.productExternalId() != null && line.productExternalId().length() > 100)) {
            throw new IllegalArgumentException("Order " + order.externalId() + " has a line with a value longer than "
                    + "the database keeps (sku 255, name 1000, ids 100 characters).");
        }
    }

    private static <R> List<R> narrow(Collection<SourceRecord> records, Class<R> type) {
        List<R> result = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            if (!type.isInstance(record)) {
                throw new IllegalArgumentException("A connector delivered a " + record.getClass().getSimpleName()
                        + " where " + type.getSimpleName() + "s were expected.");
            }
            result.add(type.cast(record));
        }
        return result;
    }
}
