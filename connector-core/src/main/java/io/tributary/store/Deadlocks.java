package io.tributary.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a short transaction again when the database chose it as a deadlock victim (or gave up waiting for a lock):
 * the work rolled back whole, so doing it again is safe. Other failures pass through.
 */
public final class Deadlocks {
    public static final int ATTEMPTS = 4;

    public interface Work<T> {
        T run() throws SQLException;
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
