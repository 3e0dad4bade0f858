package io.tributary.record;

import static java.util.Objects.requireNonNull;

import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.function.Function;
import io.tributary.store.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads stored products and orders back: short listings newest source change first, and keyset pages (by
 * connection and external id, or by stored time for order statuses) that a client follows with an opaque cursor
 * to read any number of records at constant cost per page.
 */
public final class RecordQueries {
    /** Rows a streamed listing asks the database for at a time. */
    static final int STREAM_BATCH = 500;
    private final DataSource dataSource;

    public RecordQueries(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    public List<StoredProduct> products(Long connectionId, String sku, int limit) {
        List<StoredProduct> products = new ArrayList<>();
        forEachProduct(connectionId, sku, limit, products::add);
        return products;
    }

    /**
     * Hands over the products, most recently changed first, one at a time as the database streams them (pages of
     * {@value #STREAM_BATCH} rows): any number of them in constant memory, from one consistent read.
     *
     * @param limit how many at most, or null for all
     */
    public void forEachProduct(Long connectionId, String sku, Integer limit, Consumer<StoredProduct> each) {
        forEachProduct(connectionId, sku, Deleted.EXCLUDE, limit, each);
    }

    /** As {@link #forEachProduct(Long, String, Integer, Consumer)}, showing deleted products as {@code deleted} says. */
    public void forEachProduct(Long connectionId, String sku, Deleted deleted, Integer limit,
            Consumer<StoredProduct> each) {
        StringBuilder sql = new StringBuilder("SELECT * FROM product WHERE 1 = 1").append(deleted.condition(""));
        List<Object> parameters = new ArrayList<>();
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            parameters.add(connectionId);
        }
        if (sku != null) {
            sql.append(" AND sku = ?");
            parameters.add(sku);
        }
        sql.append(" ORDER BY source_updated_at DESC, connection_id, external_id");
        limit(sql, parameters, limit);
        query(sql.toString(), parameters, rows -> each.accept(product(rows)));
    }

    public List<StoredOrder> orders(Long connectionId, String status, int limit) {
        List<StoredOrder> orders = new ArrayList<>();
        forEachOrder(connectionId, status, limit, orders::add);
        return orders;
    }

    /**
     * Hands over the orders with their lines, most recently changed first, as {@link #forEachProduct} does: the
     * lines of each batch of {@value #STREAM_BATCH} orders are read together, so memory stays flat.
     */
    public void forEachOrder(Long connectionId, String status, Integer limit, Consumer<StoredOrder> each) {
        forEachOrder(connectionId, status, Deleted.EXCLUDE, limit, each);
    }

    /** As {@link #forEachOrder(Long, String, Integer, Consumer)}, showing deleted orders as {@code deleted} says. */
    public void forEachOrder(Long connectionId, String status, Deleted deleted, Integer limit,
            Consumer<StoredOrder> each) {
        StringBuilder sql = new StringBuilder("SELECT * FROM orders WHERE 1 = 1").append(deleted.condition(""));
        List<Object> parameters = new ArrayList<>();
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            parameters.add(connectionId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status);
        }
        sql.append(" ORDER BY source_updated_at DESC, connection_id, external_id");
        limit(sql, parameters, limit);
        Map<String, StoredOrder> batch = new LinkedHashMap<>();
        query(sql.toString(), parameters, rows -> {
            StoredOrder order = order(rows);
            batch.put(order.connectionId() + "/" + order.externalId(), order);
            if (batch.size() == STREAM_BATCH) {
                emit(batch, each);
            }
        });
        emit(batch, each);
    }

    private void emit(Map<String, StoredOrder> batch, Consumer<StoredOrder> each) {
        if (!batch.isEmpty()) {
            attachLines(batch);
            batch.values().forEach(each);
            batch.clear();
        }
    }

    private static void limit(StringBuilder sql, List<Object> parameters, Integer limit) {
        if (limit != null) {
            sql.append(" LIMIT ?");
            parameters.add(limit);
        }
    }

    private void attachLines(Map<String, StoredOrder> orders) {
        StringBuilder sql = new StringBuilder("SELECT * FROM order_line WHERE ");
        List<Object> parameters = new ArrayList<>();
        boolean first = true;
        for (StoredOrder order : orders.values()) {
            sql.append(first ? "" : " OR ").append("(connection_id = ? AND order_external_id = ?)");
            parameters.add(order.connectionId());
            parameters.add(order.externalId());
            first = false;
        }
        sql.append(" ORDER BY connection_id, order_external_id, line_no");
        query(sql.toString(), parameters, rows -> orders
                .get(rows.getLong("connection_id") + "/" + rows.getString("order_external_id")).lines()
                .add(new StoredOrder.Line(rows.getInt("line_no"), rows.getString("external_id"),
                        rows.getString("product_external_id"), rows.getString("sku"), rows.getString("name"),
                        Sql.getQuantity(rows, "quantity"), Sql.getMoney(rows, "unit_price"),
                        Sql.getMoney(rows, "total"))));
    }

    /** The most a keyset page holds. */
    public static final int MAX_PAGE = 500;

    /**
     * Products in (connection, external id) order after {@code after}.
     *
     * @param storeCodes only records of connections in these stores; null means every store
     * @throws InvalidInputException for a cursor that is not one this class made (field {@code after})
     */
    public KeysetPage<StoredProduct> productPage(Collection<String> storeCodes, Long connectionId, String sku,
            String after, int limit) {
        return productPage(storeCodes, connectionId, sku, Deleted.EXCLUDE, after, limit);
    }

    /** As {@link #productPage(Collection, Long, String, String, int)}, showing deleted ones as {@code deleted} says. */
    public KeysetPage<StoredProduct> productPage(Collection<String> storeCodes, Long connectionId, String sku,
            Deleted deleted, String after, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = keysetSelect("product", storeCodes, connectionId, after, parameters)
                .append(deleted.condition("r"));
        if (sku != null) {
            sql.append(" AND r.sku = ?");
            parameters.add(sku);
        }
        sql.append(" ORDER BY r.connection_id, r.external_id LIMIT ?");
        parameters.add(checkLimit(limit) + 1);
        List<StoredProduct> products = new ArrayList<>();
        query(sql.toString(), parameters, rows -> products.add(product(rows)));
        return page(products, limit, p -> idCursor(p.connectionId(), p.externalId()));
    }

    /** Orders (with their lines) in (connection, external id) order after {@code after}; as {@link #productPage}. */
    public KeysetPage<StoredOrder> orderPage(Collection<String> storeCodes, Long connectionId, String status,
            String number, String after, int limit) {
        return orderPage(storeCodes, connectionId, status, number, Deleted.EXCLUDE, after, limit);
    }

    /** As {@link #orderPage(Collection, Long, String, String, String, int)}, with deleted ones as {@code deleted} says. */
    public KeysetPage<StoredOrder> orderPage(Collection<String> storeCodes, Long connectionId, String status,
            String number, Deleted deleted, String after, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = keysetSelect("orders", storeCodes, connectionId, after, parameters)
                .append(deleted.condition("r"));
        if (status != null) {
            sql.append(" AND r.status = ?");
            parameters.add(status);
        }
        if (number != null) {
            sql.append(" AND r.order_number = ?");
            parameters.add(number);
        }
        sql.append(" ORDER BY r.connection_id, r.external_id LIMIT ?");
        parameters.add(checkLimit(limit) + 1);
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        query(sql.toString(), parameters, rows -> {
            StoredOrder order = order(rows);
            orders.put(order.connectionId() + "/" + order.externalId(), order);
        });
        KeysetPage<StoredOrder> page = page(new ArrayList<>(orders.values()), limit,
                o -> idCursor(o.connectionId(), o.externalId()));
        if (!page.items().isEmpty()) {
            Map<String, StoredOrder> shown = new LinkedHashMap<>();
            page.items().forEach(o -> shown.put(o.connectionId() + "/" + o.externalId(), o));
            attachLines(shown);
        }
        return page;
    }

    /**
     * One order with its lines, when it is stored in a connection of one of {@code storeCodes} (null: any store) and
     * not marked deleted at the source.
     */
    public java.util.Optional<StoredOrder> order(Collection<String> storeCodes, long connectionId, String externalId) {
        return order(storeCodes, connectionId, externalId, Deleted.EXCLUDE);
    }

    /** As {@link #order(Collection, long, String)}, with or without the orders deleted at the source. */
    public java.util.Optional<StoredOrder> order(Collection<String> storeCodes, long connectionId, String externalId,
            Deleted deleted) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = keysetSelect("orders", storeCodes, connectionId, null, parameters)
                .append(deleted.condition("r")).append(" AND r.external_id = ?");
        parameters.add(externalId);
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        query(sql.toString(), parameters, rows -> {
            StoredOrder order = order(rows);
            orders.put(order.connectionId() + "/" + order.externalId(), order);
        });
        if (orders.isEmpty()) {
            return java.util.Optional.empty();
        }
        attachLines(orders);
        return java.util.Optional.of(orders.values().iterator().next());
    }

    /**
     * Order numbers and statuses stored (new or changed) at or after {@code since}, oldest first, then after the
     * cursor {@code after} when given: what a partner polls. A change is stored with the time of its write, which
     * commits a moment later; a poller that starts from the {@code storedAt} it last saw, minus a few seconds, misses
     * nothing (and sees some orders twice).
     */
    public KeysetPage<OrderStatus> orderStatuses(Collection<String> storeCodes, Long connectionId, Instant since,
            String after, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.connection_id, r.external_id, r.order_number, r.status, "
                + "r.source_updated_at, r.synced_at, r.deleted_at, s.code AS store_code FROM orders r "
                + "JOIN connection c ON c.id = r.connection_id JOIN store s ON s.id = c.store_id WHERE 1 = 1");
        scope(sql, parameters, storeCodes, connectionId);
        if (since != null) {
            sql.append(" AND r.synced_at >= ?");
            parameters.add(LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (after != null) {
            String[] parts = decode(after, 3);
            LocalDateTime at = LocalDateTime.ofInstant(Instant.parse(parts[0]), ZoneOffset.UTC);
            long connection = parseId(parts[1]);
            sql.append(" AND (r.synced_at > ? OR (r.synced_at = ? AND (r.connection_id > ? OR (r.connection_id = ? "
                    + "AND r.external_id > ?))))");
            parameters.addAll(List.of(at, at, connection, connection, parts[2]));
        }
        sql.append(" ORDER BY r.synced_at, r.connection_id, r.external_id LIMIT ?");
        parameters.add(checkLimit(limit) + 1);
        List<OrderStatus> statuses = new ArrayList<>();
        query(sql.toString(), parameters, rows -> statuses.add(new OrderStatus(rows.getLong("connection_id"),
                rows.getString("store_code"), rows.getString("external_id"), rows.getString("order_number"),
                rows.getString("status"), Sql.getInstant(rows, "source_updated_at"),
                Sql.getInstant(rows, "synced_at"), Sql.getInstant(rows, "deleted_at"))));
        return page(statuses, limit,
                o -> encode(o.storedAt().toString(), Long.toString(o.connectionId()), o.externalId()));
    }

    private StringBuilder keysetSelect(String table, Collection<String> storeCodes, Long connectionId, String after,
            List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT r.* FROM " + table + " r JOIN connection c ON c.id = "
                + "r.connection_id JOIN store s ON s.id = c.store_id WHERE 1 = 1");
        scope(sql, parameters, storeCodes, connectionId);
        if (after != null) {
            String[] parts = decode(after, 2);
            long connection = parseId(parts[0]);
            sql.append(" AND (r.connection_id > ? OR (r.connection_id = ? AND r.external_id > ?))");
            parameters.addAll(List.of(connection, connection, parts[1]));
        }
        return sql;
    }

    private static void scope(StringBuilder sql, List<Object> parameters, Collection<String> storeCodes,
            Long connectionId) {
        if (storeCodes != null) {
            if (storeCodes.isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND s.code IN (").append(Sql.placeholders(storeCodes.size())).append(")");
                parameters.addAll(storeCodes);
            }
        }
        if (connectionId != null) {
            sql.append(" AND r.connection_id = ?");
            parameters.add(connectionId);
        }
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "The limit must be between 1 and " + MAX_PAGE + ".");
        }
        return limit;
    }

    private static <T> KeysetPage<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new KeysetPage<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    private static String idCursor(long connectionId, String externalId) {
        return encode(Long.toString(connectionId), externalId);
    }

    private static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, int parts) {
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split("\n", parts);
            if (decoded.length == parts) {
                if (parts == 3) {
                    Instant.parse(decoded[0]);
                }
                return decoded;
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below
        }
        throw new InvalidInputException("after", "The cursor is not one this listing gave out; pass the 'next' "
                + "value of the previous page.");
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "The cursor is not one this listing gave out; pass the 'next' "
                    + "value of the previous page.");
        }
    }

    private static StoredProduct product(ResultSet rows) throws SQLException {
        return new StoredProduct(rows.getLong("connection_id"), rows.getString("external_id"),
                rows.getString("parent_external_id"), rows.getString("sku"), rows.getString("name"),
                rows.getString("product_type"), rows.getString("status"), Sql.getMoney(rows, "price"),
                rows.getString("currency"), Sql.getInteger(rows, "stock_quantity"),
                Sql.getInstant(rows, "source_created_at"), Sql.getInstant(rows, "source_updated_at"),
                Sql.getInstant(rows, "synced_at"), Sql.getInstant(rows, "deleted_at"));
    }

    private static StoredOrder order(ResultSet rows) throws SQLException {
        return new StoredOrder(rows.getLong("connection_id"), rows.getString("external_id"),
                rows.getString("order_number"), rows.getString("status"), rows.getString("currency"),
                Sql.getMoney(rows, "total"), Sql.getMoney(rows, "total_tax"), Sql.getMoney(rows, "shipping_total"),
                Sql.getMoney(rows, "discount_total"), Sql.getMoney(rows, "refunded_total"),
                rows.getString("customer_email"), rows.getString("customer_name"), rows.getString("customer_phone"),
                Sql.getLong(rows, "customer_id"), Sql.getInstant(rows, "source_created_at"),
                Sql.getInstant(rows, "source_updated_at"), Sql.getInstant(rows, "deleted_at"), new ArrayList<>());
    }

    public long count(String table, Long connectionId) {
        if (!table.equals("product") && !table.equals("orders") && !table.equals("order_line")) {
            throw new IllegalArgumentException("unknown record table " + table);
        }
        long[] count = new long[1];
        if (connectionId == null) {
            query("SELECT COUNT(*) FROM " + table, List.of(), rows -> count[0] = rows.getLong(1));
        } else {
            query("SELECT COUNT(*) FROM " + table + " WHERE connection_id = ?", List.of(connectionId),
                    rows -> count[0] = rows.getLong(1));
        }
        return count[0];
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.setFetchSize(STREAM_BATCH); // rows arrive as they are read, not all at once
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading records from the database failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }
}
