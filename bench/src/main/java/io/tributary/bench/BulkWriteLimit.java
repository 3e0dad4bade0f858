package io.tributary.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * The limit the record path is measured against: the store's own bulk-write speed for rows of the product
 * table's shape — JDBC batches of {@code INSERT ... ON DUPLICATE KEY UPDATE}, 1,000 rows per batch and commit,
 * nothing else (no HTTP, no JSON, no change detection).
 */
final class BulkWriteLimit {
    private BulkWriteLimit() {}

    /** Writes {@code rows} product rows for {@code connectionId}; returns the seconds it took. */
    static double measure(DataSource dataSource, long connectionId, int rows) throws SQLException {
        String sql = "INSERT INTO product (connection_id, external_id, parent_external_id, sku, name, product_type, "
                + "status, price, currency, stock_quantity, source_created_at, source_updated_at, content_hash, "
                + "raw_json, synced_at) VALUES (?, ?, NULL, ?, ?, 'simple', 'publish', ?, 'EUR', ?, ?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE sku = VALUES(sku), name = VALUES(name), price = VALUES(price), "
                + "stock_quantity = VALUES(stock_quantity), source_updated_at = VALUES(source_updated_at), "
                + "content_hash = VALUES(content_hash), raw_json = VALUES(raw_json), synced_at = VALUES(synced_at)";
        LocalDateTime now = LocalDateTime.now();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= rows; i++) {
                statement.setLong(1, connectionId);
                statement.setString(2, Integer.toString(i));
                statement.setString(3, "SKU-" + i);
                statement.setString(4, "Café crème " + i);
                statement.setBigDecimal(5, new BigDecimal(i % 1000 + ".95"));
                statement.setInt(6, i % 50);
                statement.setObject(7, now);
                statement.setObject(8, now);
                statement.setString(9, Integer.toHexString(i) + "0".repeat(64 - Integer.toHexString(i).length()));
                statement.setString(10, SampleRecords.rawJson(i));
                statement.setObject(11, now);
                statement.addBatch();
                if (i % 1000 == 0 || i == rows) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
