package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.store.Deadlocks;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The lease that keeps a (connection, entity) from syncing twice at once, across processes and nodes: a row in
 * {@code sync_lease}, taken before a run starts, renewed while it runs, released at its end. A lease that was not
 * renewed in time, whose holder is a process of this host that no longer runs, or (on MariaDB) whose holder's
 * session lock the server has freed ({@link SessionLocks}: the holder's connection dropped, on any host), belonged
 * to a process that died; whoever takes it next closes that run as ABANDONED. Every page
 * write checks the lease's token in the same transaction ({@link #checkHeld}), so a process that lost its lease
 * cannot write. Times come from this node's clock: nodes must keep their clocks in sync (as Quartz requires).
 */
public final class SyncLeases {
    static final String ABANDONED_MESSAGE = "The process running this sync stopped without finishing (it died or "
            + "its lease expired); the next run continued from the last committed cursor.";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration duration;
    private final String owner;
    private final SessionLocks locks;
    private final Map<String, SessionLocks.Held> heldLocks = new ConcurrentHashMap<>();

    /** Leases by row and expiry only (no session locks). */
    public SyncLeases(DataSource dataSource, Clock clock, Duration duration, String owner) {
        this(dataSource, null, clock, duration, owner);
    }

    /** Leases of {@code store}, tied to their holder's database session on MariaDB. */
    public SyncLeases(CentralStore store, Clock clock, Duration duration, String owner) {
        this(store.dataSource(), SessionLocks.forStore(store), clock, duration, owner);
    }

    private SyncLeases(DataSource dataSource, SessionLocks locks, Clock clock, Duration duration, String owner) {
        this.locks = locks;
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.duration = requireNonNull(duration, "duration is null");
        this.owner = requireNonNull(owner, "owner is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lease duration must be positive");
        }
    }

    public Duration duration() {
        return duration;
    }

    public String owner() {
        return owner;
    }

    /**
     * Takes the lease of (connection, entity), closing the run of an expired holder as ABANDONED.
     *
     * @throws SyncInProgressException when another holder's lease is still valid
     */
    public SyncLease acquire(long connectionId, EntityType entity) {
        Instant now = clock.instant();
        SyncLease lease = new SyncLease(connectionId, entity, UUID.randomUUID().toString(), owner, now);
        // the session lock first: holding it proves that no holder which took it is still alive
        SessionLocks.Held lock = locks == null ? null : locks.tryLock(connectionId, entity).orElse(null);
        boolean lockSettled = false; // kept by the lease, or given back
        try {
            SyncLease taken = Deadlocks.retry(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        Long abandonedRun = takeOver(connection, lease, now, lock != null);
                        if (abandonedRun != null) {
                            abandonRun(connection, abandonedRun, now);
                        }
                        connection.commit();
                        return lease;
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    }
                }
            });
            if (lock != null) {
                heldLocks.put(lease.token(), lock);
            }
            lockSettled = true;
            return taken;
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                closeLock(lock); // given back before the retry takes it again
                lockSettled = true;
                return acquireAfterRace(connectionId, entity);
            }
            throw new StoreException("Taking the sync lease of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        } finally {
            if (!lockSettled) {
                closeLock(lock);
            }
        }
    }

    private static void closeLock(SessionLocks.Held lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /** Another process inserted the lease row between our read and our insert: it holds it now. */
    private SyncLease acquireAfterRace(long connectionId, EntityType entity) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT run_id, owner, acquired_at "
                        + "FROM sync_lease WHERE connection_id = ? AND entity = ?")) {
            statement.setLong(1, connectionId);
            statement.setString(2, entity.name());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    throw new SyncInProgressException(connectionId, entity, Sql.getLong(rows, "run_id"),
                            rows.getString("owner"), Sql.getInstant(rows, "acquired_at"));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the sync lease of connection " + connectionId + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
        return acquire(connectionId, entity);
    }

    /**
     * Inserts or takes over the lease row; returns the run of a gone holder, if any.
     *
     * @param sessionLocked whether this process holds the (connection, entity) session lock: then a holder that
     *                      had taken it too is provably gone, whatever its expiry says
     */
    private Long takeOver(Connection connection, SyncLease lease, Instant now, boolean sessionLocked)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id, owner, acquired_at, expires_at, "
                + "session_lock FROM sync_lease WHERE connection_id = ? AND entity = ? FOR UPDATE")) {
            select.setLong(1, lease.connectionId());
            select.setString(2, lease.entity().name());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    insert(connection, lease, now, sessionLocked);
                    return null;
                }
                Long run = Sql.getLong(rows, "run_id");
                String holder = rows.getString("owner");
                Instant expiresAt = Sql.getInstant(rows, "expires_at");
                // a holder whose process is provably gone (its session lock freed by the server, or a dead PID of
                // this host) is taken over at once rather than refused until its lease runs out
                boolean sessionEnded = sessionLocked && rows.getBoolean("session_lock");
                if (!sessionEnded && !holderGone(expiresAt, holder, now)) {
                    throw new SyncInProgressException(lease.connectionId(), lease.entity(), run, holder,
                            Sql.getInstant(rows, "acquired_at"), expiresAt);
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE sync_lease SET token = ?, "
                        + "run_id = NULL, owner = ?, acquired_at = ?, expires_at = ?, session_lock = ? "
                        + "WHERE connection_id = ? AND entity = ?")) {
                    update.setString(1, lease.token());
                    update.setString(2, lease.owner());
                    Sql.setInstant(update, 3, now);
                    Sql.setInstant(update, 4, now.plus(duration));
                    update.setBoolean(5, sessionLocked);
                    update.setLong(6, lease.connectionId());
                    update.setString(7, lease.entity().name());
                    update.executeUpdate();
                }
                return run;
            }
        }
    }

    private void insert(Connection connection, SyncLease lease, Instant now, boolean sessionLocked)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_lease (connection_id, entity, "
                + "token, run_id, owner, acquired_at, expires_at, session_lock) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)")) {
            insert.setLong(1, lease.connectionId());
            insert.setString(2, lease.entity().name());
            insert.setString(3, lease.token());
            insert.setString(4, lease.owner());
            Sql.setInstant(insert, 5, now);
            Sql.setInstant(insert, 6, now.plus(duration));
            insert.setBoolean(7, sessionLocked);
            insert.executeUpdate();
        }
    }

    /** Records which run holds the lease. */
    public void attach(SyncLease lease, long runId) {
        execute("UPDATE sync_lease SET run_id = ? WHERE connection_id = ? AND entity = ? AND token = ?",
                lease, runId);
    }

    /** Extends the lease; false when it is no longer held (it expired and was taken over). */
    public boolean renew(SyncLease lease) {
        try (Connection connection = dataSource.getConnection()) {
            return extend(connection, lease, clock.instant().plus(duration)) == 1;
        } catch (SQLException e) {
            throw new StoreException("Renewing the sync lease of connection " + lease.connectionId() + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }

    /** Gives the lease up, if still held. */
    public void release(SyncLease lease) {
        try {
            execute("DELETE FROM sync_lease WHERE connection_id = ? AND entity = ? AND token = ?", lease, null);
        } finally {
            closeLock(heldLocks.remove(lease.token()));
        }
    }

    /**
     * In a page's transaction: extends the lease, or throws {@link LeaseLostException} when it is no longer held,
     * so the page (and its cursor) is rolled back.
     */
    static void checkHeld(Connection connection, SyncLease lease, Instant expiresAt) throws SQLException {
        if (extend(connection, lease, expiresAt) != 1) {
            throw new LeaseLostException("This process lost the lease on syncing " + lease.entity().cliName()
                    + " of connection " + lease.connectionId() + " (it was not renewed in time and another process "
                    + "took it over); it stopped without writing more.");
        }
    }

    Instant nextExpiry() {
        return clock.instant().plus(duration);
    }

    private static int extend(Connection connection, SyncLease lease, Instant expiresAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_lease SET expires_at = ? "
                + "WHERE connection_id = ? AND entity = ? AND token = ?")) {
            Sql.setInstant(statement, 1, expiresAt);
            statement.setLong(2, lease.connectionId());
            statement.setString(3, lease.entity().name());
            statement.setString(4, lease.token());
            return statement.executeUpdate();
        }
    }

    /**
     * Closes as ABANDONED every run whose process died: runs whose lease expired or whose holder is a dead process
     * of this host (the lease is dropped), and
     * RUNNING runs that hold no lease at all and started more than a lease ago. Returns the runs closed.
     */
    public List<Long> abandonExpired() {
        Instant now = clock.instant();
        try {
            return Deadlocks.retry(() -> abandonExpiredOnce(now));
        } catch (SQLException e) {
            throw new StoreException("Closing abandoned runs failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }

    private List<Long> abandonExpiredOnce(Instant now) throws SQLException {
        List<Long> closed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> expired = new ArrayList<>();
                List<String> deadTokens = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT connection_id, entity, run_id, "
                        + "owner, token, expires_at, session_lock FROM sync_lease FOR UPDATE");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        boolean sessionEnded = locks != null && rows.getBoolean("session_lock")
                                && locks.isFree(connection, rows.getLong("connection_id"),
                                        EntityType.valueOf(rows.getString("entity")));
                        if (sessionEnded || holderGone(Sql.getInstant(rows, "expires_at"), rows.getString("owner"),
                                now)) {
                            deadTokens.add(rows.getString("token"));
                            Long run = Sql.getLong(rows, "run_id");
                            if (run != null) {
                                expired.add(run);
                            }
                        }
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM sync_lease WHERE token = ?")) {
                    for (String token : deadTokens) {
                        delete.setString(1, token);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement orphans = connection.prepareStatement("SELECT r.id FROM sync_run r WHERE "
                        + "r.outcome = 'RUNNING' AND r.started_at < ? AND NOT EXISTS (SELECT 1 FROM sync_lease l "
                        + "WHERE l.run_id = r.id)")) {
                    Sql.setInstant(orphans, 1, now.minus(duration));
                    try (ResultSet rows = orphans.executeQuery()) {
                        while (rows.next()) {
                            expired.add(rows.getLong(1));
                        }
                    }
                }
                for (long run : expired) {
                    if (abandonRun(connection, run, now)) {
                        closed.add(run);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return closed;
    }

    /**
     * Whether a lease's holder is gone: its lease ran out, or it is a process of this host that no longer runs.
     * The one rule both taking a lease over and closing abandoned runs follow.
     */
    private static boolean holderGone(Instant expiresAt, String owner, Instant now) {
        return !expiresAt.isAfter(now) || ProcessName.isDeadLocalProcess(owner);
    }

    private static boolean abandonRun(Connection connection, long runId, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_run SET outcome = 'ABANDONED', "
                + "finished_at = ?, error_message = ? WHERE id = ? AND outcome = 'RUNNING'")) {
            Sql.setInstant(statement, 1, now);
            statement.setString(2, ABANDONED_MESSAGE);
            statement.setLong(3, runId);
            return statement.executeUpdate() == 1;
        }
    }

    private void execute(String sql, SyncLease lease, Long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (runId != null) {
                statement.setLong(index++, runId);
            }
            statement.setLong(index++, lease.connectionId());
            statement.setString(index++, lease.entity().name());
            statement.setString(index, lease.token());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Updating the sync lease of connection " + lease.connectionId() + " failed: "
                    + CentralStore.rootMessage(e) + ".", e);
        }
    }
}
