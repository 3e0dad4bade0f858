package io.tributary.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs a short transaction again when the database chose it as a deadlock victim (or gave up waiting for a lock):
 * the work rolled back whole, so doing it again is safe. Other failures pass through. {@link #inTransaction} is the
 * whole of a short transaction: connection, commit, rollback, and this retry.
 */
public final class Deadlocks {
    public static final int ATTEMPTS = 4;

    public interface Work<T> {
        T run() throws SQLException;
    }

    /** What runs inside {@link #inTransaction}: statements on the one connection of the transaction. */
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Deadlocks() {}

    public static <T> T retry(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own: committed when it returns, rolled back whole
     * when it throws, and run again from the start when the database chose it as a deadlock victim.
     */
    public static <T> T inTransaction(DataSource dataSource, TransactionWork<T> work) throws SQLException {
        return retry(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        });
    }

    /** MariaDB/MySQL 1213 (deadlock) and 1205 (lock wait timeout); SQL state 40001 (serialization failure). */
    public static boolean isDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
