package io.tributary.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Binding and reading the store's column types (times as UTC {@code DATETIME(6)}, money as exact decimals), and
 * the few JDBC facts every table's code needs: a text cut to its column, a unique-key violation told apart from
 * other constraint failures.
 */
public final class Sql {
    private Sql() {}

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DECIMAL);
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static Integer getInteger(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    public static Long getLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /** A text cut to a column's length, ending in {@code ...} when cut. */
    public static String fit(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length - 3) + "...";
    }

    /**
     * Whether a failure is a unique-key violation (a row someone else inserted first): SQLSTATE 23505 (H2), or
     * 23000 with MariaDB's duplicate-entry codes 1062/1586. A foreign-key or NOT NULL violation is not one, though
     * both drivers raise it as the same exception type.
     */
    public static boolean isDuplicateKey(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || ("23000".equals(sql.getSQLState()) && (sql.getErrorCode() == 1062 || sql.getErrorCode() == 1586)))) {
                return true;
            }
        }
        return false;
    }

    /** A decimal as stored, without the column's padding zeros beyond two decimals ({@code 12.500000} → {@code 12.50}). */
    public static BigDecimal getMoney(ResultSet rows, String column) throws SQLException {
        return money(rows.getBigDecimal(column));
    }

    public static BigDecimal money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** A quantity as stored, without padding zeros ({@code 2.000000} → {@code 2}). */
    public static BigDecimal getQuantity(ResultSet rows, String column) throws SQLException {
        BigDecimal value = rows.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code ?, ?, ?} for an IN list. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
