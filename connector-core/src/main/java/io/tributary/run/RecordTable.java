package io.tributary.run;

import io.tributary.spi.CustomerRecord;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.SourceRecord;
import io.tributary.store.Sql;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The normalized columns of one record table as data: how each is read from a record, its length limit, how
 * it is bound. One definition drives the upsert statement, the bindings, the length checks and the content
 * hash that tells an unchanged record from a changed one.
 *
 * <p>A record without a modification time of its own (a CoopCycle delivery: its status changes leave no time in the
 * payload) is stored with the time of the sync that stored its content: the hash is taken over the record as it
 * came, so an unchanged record is not written again and keeps that time, and a changed one gets the time of the
 * sync that saw the change. "Most recently changed first" then means something for every system.
 */
final class RecordTable<R extends SourceRecord> {
    record Column<R>(String name, int maxLength, Function<R, Object> value) {}

    /** The source's modification time; stored as the sync's time when the record has none. */
    private static final String SOURCE_UPDATED_AT = "source_updated_at";

    /** The central customer an order or an account leads to: found by the writer, not part of the content. */
    private static final String CUSTOMER_LINK = "customer_id";

    static final RecordTable<ProductRecord> PRODUCTS = new RecordTable<>("product", "synced_at", null, List.of(
            new Column<ProductRecord>("parent_external_id", 100, ProductRecord::parentExternalId),
            new Column<ProductRecord>("sku", 255, ProductRecord::sku),
            new Column<ProductRecord>("name", 1000, ProductRecord::name),
            new Column<ProductRecord>("product_type", 50, ProductRecord::type),
            new Column<ProductRecord>("status", 50, ProductRecord::status),
            new Column<ProductRecord>("price", 0, ProductRecord::price),
            new Column<ProductRecord>("currency", 3, ProductRecord::currency),
            new Column<ProductRecord>("stock_quantity", 0, ProductRecord::stockQuantity),
            new Column<ProductRecord>("source_created_at", 0, ProductRecord::createdAt),
            new Column<ProductRecord>(SOURCE_UPDATED_AT, 0, ProductRecord::modifiedAt),
            new Column<ProductRecord>("raw_json", 0, ProductRecord::rawJson)));

    static final RecordTable<OrderRecord> ORDERS = new RecordTable<>("orders", "synced_at", CUSTOMER_LINK, List.of(
            new Column<OrderRecord>("order_number", 100, OrderRecord::number),
            new Column<OrderRecord>("status", 50, OrderRecord::status),
            new Column<OrderRecord>("currency", 3, OrderRecord::currency),
            new Column<OrderRecord>("total", 0, OrderRecord::total),
            new Column<OrderRecord>("total_tax", 0, OrderRecord::totalTax),
            new Column<OrderRecord>("shipping_total", 0, OrderRecord::shippingTotal),
            new Column<OrderRecord>("discount_total", 0, OrderRecord::discountTotal),
            new Column<OrderRecord>("refunded_total", 0, OrderRecord::refundedTotal),
            new Column<OrderRecord>("customer_email", 320, OrderRecord::customerEmail),
            new Column<OrderRecord>("customer_name", 400, OrderRecord::customerName),
            new Column<OrderRecord>("customer_phone", 64, OrderRecord::customerPhone),
            new Column<OrderRecord>("source_created_at", 0, OrderRecord::createdAt),
            new Column<OrderRecord>(SOURCE_UPDATED_AT, 0, OrderRecord::modifiedAt),
            new Column<OrderRecord>("raw_json", 0, OrderRecord::rawJson),
            // the lines are part of the order's content: a changed line makes a changed order
            new Column<OrderRecord>(null, 0, order -> order.lines().toString())));

    /** Customer accounts as the source keeps them. */
    static final RecordTable<CustomerRecord> CUSTOMERS = new RecordTable<>("customer_source", "stored_at",
            CUSTOMER_LINK, List.of(
            new Column<CustomerRecord>("email", 320, CustomerRecord::email),
            new Column<CustomerRecord>("phone", 64, CustomerRecord::phone),
            new Column<CustomerRecord>("name", 400, CustomerRecord::name),
            new Column<CustomerRecord>("source_created_at", 0, CustomerRecord::createdAt),
            new Column<CustomerRecord>(SOURCE_UPDATED_AT, 0, CustomerRecord::updatedAt),
            new Column<CustomerRecord>("raw_json", 0, CustomerRecord::rawJson)));

    private final String table;
    private final List<Column<R>> columns;
    private final List<Column<R>> stored;
    private final String linkColumn;
    private final String upsertSql;

    /**
     * @param writtenAt  the column holding the time of the write ({@code synced_at} on products and orders)
     * @param linkColumn the column of a link the writer finds for each record ({@link #CUSTOMER_LINK}), written with
     *                   the record but not content; null when the table has none
     */
    private RecordTable(String table, String writtenAt, String linkColumn, List<Column<R>> columns) {
        this.table = table;
        this.columns = columns;
        this.linkColumn = linkColumn;
        this.stored = columns.stream().filter(c -> c.name() != null).toList();
        List<String> written = new ArrayList<>(stored.stream().map(Column::name).toList());
        if (linkColumn != null) {
            written.add(linkColumn);
        }
        String names = String.join(", ", written);
        String updates = written.stream().map(name -> name + " = VALUES(" + name + ")")
                .collect(Collectors.joining(", "));
        this.upsertSql = "INSERT INTO " + table + " (connection_id, external_id, " + names
                + ", content_hash, " + writtenAt + ") VALUES (?, ?, " + Sql.placeholders(written.size()) + ", ?, ?)"
                + " ON DUPLICATE KEY UPDATE " + updates
                + ", content_hash = VALUES(content_hash), " + writtenAt + " = VALUES(" + writtenAt + ")"
                // a record read again exists at the source again: revived when a reconciliation had marked it deleted
                + ", deleted_at = NULL";
    }

    String table() {
        return table;
    }

    String upsertSql() {
        return upsertSql;
    }

    /** Throws a readable sentence when a text value is longer than its column. */
    void checkLengths(R record) {
        if (record.externalId().length() > 100) {
            throw new IllegalArgumentException("A record id of " + record.externalId().length()
                    + " characters is longer than the 100 the database keeps.");
        }
        for (Column<R> column : stored) {
            if (column.maxLength() > 0 && column.value().apply(record) instanceof String text
                    && text.length() > column.maxLength()) {
                throw new IllegalArgumentException("Record " + record.externalId() + " has a " + column.name()
                        + " of " + text.length() + " characters; the database keeps at most " + column.maxLength() + ".");
            }
        }
    }

    /** SHA-256 over every stored value: equal hashes mean storing the record again would change nothing. */
    String contentHash(R record) {
        MessageDigest digest = sha256();
        for (Column<R> column : columns) {
            Object value = column.value().apply(record);
            String text = value == null ? "\u0000" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @param link the value of the link column (null: none, or a table without one) */
    void bind(PreparedStatement statement, long connectionId, R record, Long link, String hash, Instant syncedAt)
            throws SQLException {
        int index = 1;
        statement.setLong(index++, connectionId);
        statement.setString(index++, record.externalId());
        for (Column<R> column : stored) {
            Object value = column.value().apply(record);
            if (value == null && SOURCE_UPDATED_AT.equals(column.name())) {
                value = syncedAt;
            }
            if (value == null) {
                statement.setObject(index++, null);
            } else if (value instanceof Instant instant) {
                Sql.setInstant(statement, index++, instant);
            } else if (value instanceof BigDecimal decimal) {
                Sql.setDecimal(statement, index++, decimal);
            } else if (value instanceof Integer number) {
                Sql.setInteger(statement, index++, number);
            } else {
                statement.setString(index++, value.toString());
            }
        }
        if (linkColumn != null) {
            Sql.setLong(statement, index++, link);
        }
        statement.setString(index++, hash);
        Sql.setInstant(statement, index, syncedAt);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
