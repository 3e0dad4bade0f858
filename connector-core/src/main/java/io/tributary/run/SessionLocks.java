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
 * Lock names are server-wide, so they carry a digest of the database's name.
 */
final class SessionLocks {
    private final StoreConfig config;
    private volatile String prefix;

    SessionLocks(StoreConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Session locks for a MariaDB store; none for H2 (one host, where a dead process is told by its PID). */
    static SessionLocks forStore(CentralStore store) {
        return store.config().vendor() == StoreConfig.Vendor.MARIADB ? new SessionLocks(store.config()) : null;
    }

    /** A lock held on its own session until closed. */
    static final class Held implements AutoCloseable {
        private final Connection session;
        private final String name;

        private Held(Connection session, String name) {
            this.session = session;
            this.name = name;
        }

        @Override
        public void close() {
            try (Connection closing = session;
                    PreparedStatement release = closing.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                release.setString(1, name);
                release.execute();
            } catch (SQLException ignored) {
                // closing the session frees the lock all the same
            }
        }
    }

    /** The lock of (connection, entity) if no live session holds it, else empty. */
    Optional<Held> tryLock(long connectionId, EntityType entity) {
        Connection session = null;
        try {
            session = DriverManager.getConnection(config.effectiveUrl(), config.user(), config.password().reveal());
            String name = name(session, connectionId, entity);
            try (PreparedStatement lock = session.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                lock.setString(1, name);
                try (ResultSet rows = lock.executeQuery()) {
                    if (rows.next() && rows.getInt(1) == 1) {
                        return Optional.of(new Held(session, name));
                    }
                }
            }
            session.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StoreException("Taking the session lock of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
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
