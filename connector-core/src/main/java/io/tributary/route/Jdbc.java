package io.tributary.route;

import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The JDBC plumbing of the route tables: short statements, readable failures; column types as {@link Sql} binds them. */
final class Jdbc {
    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> List<T> query(String sql, List<?> parameters, Rows<T> reader) {
        return inConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        });
    }

    int update(String sql, List<?> parameters) {
        return inConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /** Inserts one row and returns its generated id. */
    long insert(String sql, List<?> parameters) {
        return inConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                bind(statement, parameters);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated id");
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Runs {@code work} in one transaction, rolled back on any failure. */
    <T> T inTransaction(Work<T> work) {
        return inConnection(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    <T> T inConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("The route tables could not be read or written: " + CentralStore.rootMessage(e) + ".", e);
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                Sql.setInstant(statement, i + 1, instant);
            } else if (value instanceof Null typed) {
                statement.setNull(i + 1, typed.sqlType());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** A typed SQL NULL parameter (JDBC drivers want the type of a null). */
    record Null(int sqlType) {
        static final Null TEXT = new Null(Types.VARCHAR);
        static final Null TIME = new Null(Types.TIMESTAMP);
        static final Null NUMBER = new Null(Types.BIGINT);
    }

    static Object orNull(String value) {
        return value == null ? Null.TEXT : value;
    }

    static Object orNull(Instant value) {
        return value == null ? Null.TIME : value;
    }

    static Object orNull(Long value) {
        return value == null ? Null.NUMBER : value;
    }
}
