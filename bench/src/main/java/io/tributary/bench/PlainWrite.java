package io.tributary.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The write half of the I/O limit: the rows a sync stored, written again into identical empty tables by plain JDBC
 * with nothing else to do (no HTTP, no JSON, no change detection, no cursor): one transaction, multi-row
 * statements. Two plain paths are timed and the faster counts: the driver's batch of one prepared {@code INSERT}
 * (MariaDB Connector/J 3 sends it as one bulk command) and one {@code INSERT ... VALUES (...), (...)} statement of 500
 * rows.
 */
final class PlainWrite {
    private static final int ROWS_PER_STATEMENT = 500;

    /** The rows of one table, read into memory before the clock starts. */
    record Table(String name, List<String> columns, List<Object[]> rows) {}

    /** What the fastest path took and which it was. */
    record Result(double seconds, String path, long rows) {}

    private PlainWrite() {}

    /** Reads every row of {@code tables} of one connection from the database at {@code url}. */
    static List<Table> read(String url, String user, String password, long connectionId, List<String> tables)
            throws SQLException {
        List<Table> result = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (String table : tables) {
                try (PreparedStatement select = connection.prepareStatement(inSyncOrder(table))) {
                    select.setFetchSize(1000);
                    select.setLong(1, connectionId);
                    try (ResultSet rows = select.executeQuery()) {
                        ResultSetMetaData meta = rows.getMetaData();
                        List<String> columns = new ArrayList<>();
                        List<Integer> indexes = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!meta.isAutoIncrement(i)) {
                                columns.add(meta.getColumnName(i));
                                indexes.add(i);
                            }
                        }
                        List<Object[]> values = new ArrayList<>();
                        while (rows.next()) {
                            Object[] row = new Object[indexes.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = rows.getObject(indexes.get(i));
                            }
                            values.add(row);
                        }
                        result.add(new Table(table, columns, values));
                    }
                }
            }
        }
        return result;
    }

    /**
     * The rows of a table in the order a sync writes them: oldest change first (the connectors' keyset order), an
     * order's lines with it.
     */
    private static String inSyncOrder(String table) {
        if (table.equals("order_line")) {
            return "SELECT l.* FROM order_line l JOIN orders o ON o.connection_id = l.connection_id "
                    + "AND o.external_id = l.order_external_id WHERE l.connection_id = ? "
                    + "ORDER BY o.source_updated_at, o.external_id, l.line_no";
        }
        return "SELECT * FROM " + table + " WHERE connection_id = ? ORDER BY source_updated_at, external_id";
    }

    /**
     * Writes {@code tables} into the empty tables of the database at {@code url} by each plain path (emptying them
     * between) and returns the faster.
     */
    static Result write(String url, String user, String password, List<Table> tables) throws SQLException {
        long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
        double batch = timed(url, user, password, tables, false);
        double multiRow = timed(url, user, password, tables, true);
        return batch <= multiRow ? new Result(batch, "JDBC batch (bulk)", rows)
                : new Result(multiRow, "multi-row INSERT", rows);
    }

    private static double timed(String url, String user, String password, List<Table> tables, boolean multiRow)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            empty(connection, tables);
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            for (Table table : tables) {
                if (multiRow) {
                    multiRow(connection, table);
                } else {
                    batch(connection, table);
                }
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void empty(Connection connection, List<Table> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<Table> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (Table table : reversed) {
                statement.execute("DELETE FROM " + table.name());
            }
        }
    }

    private static void batch(Connection connection, Table table) throws SQLException {
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : table.rows()) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++n % ROWS_PER_STATEMENT == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void multiRow(Connection connection, Table table) throws SQLException {
        String head = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ";
        String one = "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        List<Object[]> rows = table.rows();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(rows.size(), from + ROWS_PER_STATEMENT);
            String sql = head + String.join(", ", Collections.nCopies(to - from, one));
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : rows.subList(from, to)) {
                    for (Object value : row) {
                        insert.setObject(index++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }
}
