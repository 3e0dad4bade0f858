package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Sync runs: opened RUNNING before a sync reads anything, counted per page, closed with the outcome. */
public final class SyncRuns {
    private final CentralStore store;
    private final Clock clock;

    public SyncRuns(CentralStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public SyncRun start(long connectionId, EntityType entity, SyncRun.Trigger trigger, boolean fullRead) {
        return start(connectionId, entity, trigger, fullRead, null);
    }

    /** Opens a RUNNING run, naming the process that runs it. */
    public SyncRun start(long connectionId, EntityType entity, SyncRun.Trigger trigger, boolean fullRead, String node) {
        return start(connectionId, entity, SyncRun.Kind.SYNC, trigger, fullRead, node);
    }

    /** Opens a RUNNING run of {@code kind}, naming the process that runs it. */
    public SyncRun start(long connectionId, EntityType entity, SyncRun.Kind kind, SyncRun.Trigger trigger,
            boolean fullRead, String node) {
        return store.inTransaction(session -> {
            // to the microsecond the database keeps, so the run in hand says what a later read of it says
            SyncRun run = new SyncRun(connectionId, entity, kind, trigger, fullRead,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), node);
            session.persist(run);
            return run;
        });
    }

    /** Closes a RUNNING run; a run already closed by someone else (as ABANDONED) is left as it is. */
    public SyncRun finish(long runId, SyncRun.Outcome outcome, PageCounts counts, String error) {
        return finish(runId, outcome, counts, error, List.of());
    }

    /** As {@link #finish(long, SyncRun.Outcome, PageCounts, String)}, with the read's notices. */
    public SyncRun finish(long runId, SyncRun.Outcome outcome, PageCounts counts, String error, List<String> notices) {
        return finish(runId, outcome, counts, error, notices, null);
    }

    /** As above, with what the run's reconciliation pass marked (null when it had none or it did not end). */
    public SyncRun finish(long runId, SyncRun.Outcome outcome, PageCounts counts, String error, List<String> notices,
            Reconciliation.Result reconciled) {
        return finish(runId, outcome, counts, error, notices, null, null, null, reconciled);
    }

    /**
     * Closes a RUNNING run as {@link #finish(long, SyncRun.Outcome, PageCounts, String, List)} does, with when a
     * WAITING run's read looks again ({@code retryAt}) and what its connector wants back then ({@code resumeWith}),
     * and, for a read from the start, when it began.
     */
    public SyncRun finish(long runId, SyncRun.Outcome outcome, PageCounts counts, String error, List<String> notices,
            Instant retryAt, String resumeWith, Instant readBeganAt) {
        return finish(runId, outcome, counts, error, notices, retryAt, resumeWith, readBeganAt, null);
    }

    /** As above, with what the run's reconciliation pass marked (null when it had none or it did not end). */
    public SyncRun finish(long runId, SyncRun.Outcome outcome, PageCounts counts, String error, List<String> notices,
            Instant retryAt, String resumeWith, Instant readBeganAt, Reconciliation.Result reconciled) {
        return store.inTransaction(session -> {
            SyncRun run = session.find(SyncRun.class, runId, org.hibernate.LockMode.PESSIMISTIC_WRITE);
            if (run.outcome() == SyncRun.Outcome.RUNNING) {
                run.finish(outcome, clock.instant(), counts, error, notices, retryAt, resumeWith, readBeganAt,
                        reconciled);
            }
            return run;
        });
    }

    /**
     * The newest closed run of (connection, entity) that read from the start, other than {@code exceptRunId}: when
     * it ended WAITING, the read it waits for is still pending.
     */
    public java.util.Optional<SyncRun> lastReadFromStart(long connectionId, EntityType entity, long exceptRunId) {
        return store.inTransaction(session -> session.createSelectionQuery("from SyncRun r where r.connectionId = "
                        + ":connection and r.entity = :entity and r.readBeganAt is not null and r.id <> :except "
                        + "order by r.id desc", SyncRun.class)
                .setParameter("connection", connectionId).setParameter("entity", entity)
                .setParameter("except", exceptRunId).setMaxResults(1).getResultList().stream().findFirst());
    }

    public CentralStore store() {
        return store;
    }

    /** Runs newest first, optionally of one connection and entity. */
    public List<SyncRun> list(Long connectionId, EntityType entity, int limit) {
        return list(connectionId, null, entity, limit);
    }

    /**
     * Runs newest first, optionally of one connection, of some connections ({@code connectionIds}, null meaning
     * any) and of one entity.
     */
    public List<SyncRun> list(Long connectionId, java.util.Collection<Long> connectionIds, EntityType entity,
            int limit) {
        if (connectionIds != null && connectionIds.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(session -> {
            StringBuilder hql = new StringBuilder("from SyncRun r where 1 = 1");
            if (connectionId != null) {
                hql.append(" and r.connectionId = :connection");
            }
            if (connectionIds != null) {
                hql.append(" and r.connectionId in (:connections)");
            }
            if (entity != null) {
                hql.append(" and r.entity = :entity");
            }
            hql.append(" order by r.startedAt desc, r.id desc");
            var query = session.createSelectionQuery(hql.toString(), SyncRun.class);
            if (connectionId != null) {
                query.setParameter("connection", connectionId);
            }
            if (connectionIds != null) {
                query.setParameterList("connections", connectionIds);
            }
            if (entity != null) {
                query.setParameter("entity", entity);
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    /** The newest run of each connection that has one, by connection id: what a listing of connections shows. */
    public java.util.Map<Long, SyncRun> latestPerConnection() {
        return store.inTransaction(session -> session.createSelectionQuery("from SyncRun r where r.id in "
                + "(select max(l.id) from SyncRun l group by l.connectionId)", SyncRun.class).getResultList()
                .stream().collect(java.util.stream.Collectors.toMap(SyncRun::connectionId, run -> run)));
    }

    /** One run, or {@link io.tributary.store.NotFoundException}. */
    public SyncRun find(long runId) {
        return store.inTransaction(session -> {
            SyncRun run = session.find(SyncRun.class, runId);
            if (run == null) {
                throw new io.tributary.store.NotFoundException("There is no run with id " + runId + ".");
            }
            return run;
        });
    }

    static void saveCounts(Connection connection, long runId, PageCounts totals) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_run SET read_count = ?, "
                + "inserted_count = ?, updated_count = ?, unchanged_count = ? WHERE id = ?")) {
            statement.setLong(1, totals.read());
            statement.setLong(2, totals.inserted());
            statement.setLong(3, totals.updated());
            statement.setLong(4, totals.unchanged());
            statement.setLong(5, runId);
            statement.executeUpdate();
        }
    }
}
