package io.tributary.record;

import static java.util.Objects.requireNonNull;

import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads stored products and orders back for listings, newest source change first. */
public final class RecordQueries {
    private final DataSource dataSource;

    public RecordQueries(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    public List<StoredProduct> products(Long connectionId, String sku, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM product WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            parameters.add(connectionId);
        }
        if (sku != null) {
            sql.append(" AND sku = ?");
            parameters.add(sku);
        }
        sql.append(" ORDER BY source_updated_at DESC, connection_id, external_id LIMIT ?");
        parameters.add(limit);
        List<StoredProduct> products = new ArrayList<>();
        query(sql.toString(), parameters, rows -> products.add(new StoredProduct(rows.getLong("connection_id"),
                rows.getString("external_id"), rows.getString("parent_external_id"), rows.getString("sku"),
                rows.getString("name"), rows.getString("product_type"), rows.getString("status"),
                Sql.getMoney(rows, "price"), rows.getString("currency"), Sql.getInteger(rows, "stock_quantity"),
                Sql.getInstant(rows, "source_created_at"), Sql.getInstant(rows, "source_updated_at"),
                Sql.getInstant(rows, "synced_at"))));
        return products;
    }

    public List<StoredOrder> orders(Long connectionId, String status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM orders WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            parameters.add(connectionId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status);
        }
        sql.append(" ORDER BY source_updated_at DESC, connection_id, external_id LIMIT ?");
        parameters.add(limit);
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        query(sql.toString(), parameters, rows -> {
            StoredOrder order = new StoredOrder(rows.getLong("connection_id"), rows.getString("external_id"),
                    rows.getString("order_number"), rows.getString("status"), rows.getString("currency"),
                    Sql.getMoney(rows, "total"), Sql.getMoney(rows, "total_tax"), Sql.getMoney(rows, "shipping_total"),
                    Sql.getMoney(rows, "discount_total"), rows.getString("customer_email"),
                    rows.getString("customer_name"), Sql.getInstant(rows, "source_created_at"),
                    Sql.getInstant(rows, "source_updated_at"), new ArrayList<>());
            orders.put(order.connectionId() + "/" + order.externalId(), order);
        });
        if (!orders.isEmpty()) {
            attachLines(orders);
        }
        return List.copyOf(orders.values());
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
