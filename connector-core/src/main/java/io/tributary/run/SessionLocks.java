package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import io.tributary.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * MariaDB named locks ({@code GET_LOCK}) that tie a sync's lease to its holder's life: each is taken on a database
 * session of its own, opened outside the pool and kept for as long as the sync runs, and the server frees it the
 * moment that session ends — a {@code kill -9}, an OOM kill, a node that lost its network once the server notices.
 * Lock names are server-wide, so they carry a digest of the database's name. A session whose lock was released is
 * kept for the next lock (up to {@value #MAX_IDLE}, each for at most {@link #IDLE_FOR}): opening one is most of what
 * taking a lock costs, and a daemon takes one per sync. Idle sessions hold no lock and are closed with the store.
 */
final class SessionLocks {
    static final int MAX_IDLE = 16;
    static final java.time.Duration IDLE_FOR = java.time.Duration.ofSeconds(30);
    private final StoreConfig config;
    private volatile String prefix;
    /** Sessions that hold no lock, newest first, with when they were given back. */
    private final java.util.Deque<Idle> idle = new java.util.ArrayDeque<>();
    private boolean closed;

    private record Idle(Connection session, long since) {}

    SessionLocks(StoreConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Session locks for a MariaDB store; none for H2 (one host, where a dead process is told by its PID). */
    static SessionLocks forStore(CentralStore store) {
        if (store.config().vendor() != StoreConfig.Vendor.MARIADB) {
            return null;
        }
        SessionLocks locks = new SessionLocks(store.config());
        store.onClose(locks::closeIdle);
        return locks;
    }

    /** An idle session, or null; sessions idle for longer than {@link #IDLE_FOR} are closed on the way. */
    private Connection takeIdle() {
        java.util.List<Connection> expired = new java.util.ArrayList<>();
        Connection session = null;
        long now = System.nanoTime();
        synchronized (idle) {
            while (!idle.isEmpty() && now - idle.peekLast().since() > IDLE_FOR.toNanos()) {
                expired.add(idle.pollLast().session());
            }
            Idle newest = idle.pollFirst();
            session = newest == null ? null : newest.session();
        }
        expired.forEach(SessionLocks::closeQuietly);
        return session;
    }

    /** Keeps a session that holds no lock for the next one, or closes it. */
    private void giveBack(Connection session) {
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(new Idle(session, System.nanoTime()));
                return;
            }
        }
        closeQuietly(session);
    }

    /** Closes the idle sessions; later released ones are closed rather than kept. */
    void closeIdle() {
        java.util.List<Idle> closing;
        synchronized (idle) {
            closed = true;
            closing = new java.util.ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(session -> closeQuietly(session.session()));
    }

    /** A lock held on its own session until closed. */
    final class Held implements AutoCloseable {
        private final Connection session;
        private final String name;

        private Held(Connection session, String name) {
            this.session = session;
            this.name = name;
        }

        /** Releases the lock; its session is kept for the next lock only when the server said it released it. */
        @Override
        public void close() {
            boolean released = false;
            try (PreparedStatement release = session.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                release.setString(1, name);
                try (ResultSet rows = release.executeQuery()) {
                    released = rows.next() && rows.getInt(1) == 1;
                }
            } catch (SQLException ignored) {
                // closing the session frees the lock all the same
            }
            if (released) {
                giveBack(session);
            } else {
                closeQuietly(session);
            }
        }
    }

    /** The lock of (connection, entity) if no live session holds it, else empty. */
    Optional<Held> tryLock(long connectionId, EntityType entity) {
        for (Connection kept = takeIdle(); kept != null; kept = takeIdle()) {
            try {
                return tryLock(kept, connectionId, entity);
            } catch (SQLException gone) { // the server closed it while it was idle: another, or a new one
                closeQuietly(kept);
            }
        }
        Connection session = null;
        try {
            session = DriverManager.getConnection(config.effectiveUrl(), config.user(), config.password().reveal());
            return tryLock(session, connectionId, entity);
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StoreException("Taking the session lock of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    /** The lock on {@code session}, or empty (the session then goes back to the idle ones). */
    private Optional<Held> tryLock(Connection session, long connectionId, EntityType entity) throws SQLException {
        String name = name(session, connectionId, entity);
        try (PreparedStatement lock = session.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            lock.setString(1, name);
            try (ResultSet rows = lock.executeQuery()) {
                if (rows.next() && rows.getInt(1) == 1) {
                    return Optional.of(new Held(session, name));
                }
            }
        }
        giveBack(session);
        return Optional.empty();
    }

    /** Whether no session holds the lock of (connection, entity): its holder, if it had one, is gone. */
    boolean isFree(Connection connection, long connectionId, EntityType entity) throws SQLException {
        try (PreparedStatement free = connection.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            free.setString(1, name(connection, connectionId, entity));
            try (ResultSet rows = free.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    /** The lock's name for (connection, entity) in this database. */
    String name(Connection connection, long connectionId, EntityType entity) throws SQLException {
        if (prefix == null) {
            try (PreparedStatement database = connection.prepareStatement("SELECT DATABASE()");
                    ResultSet rows = database.executeQuery()) {
                rows.next();
                prefix = "tributary:" + digest(String.valueOf(rows.getString(1))) + ":";
            }
        }
        return prefix + connectionId + ":" + entity.name(); // well under MariaDB's 64 characters
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void closeQuietly(Connection session) {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
