package io.tributary.run;

import io.tributary.spi.EntityType;
import io.tributary.store.Sql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sync of one (connection, entity): when, why, how it ended and what it counted. */
@Entity
@Table(name = "sync_run")
public class SyncRun {
    public enum Trigger { MANUAL, SCHEDULED }

    /**
     * What a run does. SYNC: reads what changed (or everything, with {@link #fullRead()}, then a reconciliation pass
     * where the system can list ids). RECONCILE: only the reconciliation pass — lists the ids at the source, marks the
     * stored records it did not list as deleted and revives those it listed again.
     */
    public enum Kind { SYNC, RECONCILE }

    /**
     * How a run ended. STOPPED: the daemon shut down and the run stopped at a page boundary, its cursor committed.
     * ABANDONED: the process running it died; the next taker of its lease closed it. WAITING: the system was still
     * preparing what a read from the start needs (a Shopify bulk export); nothing was stored, the run gave its thread
     * back and the read looks again at {@link #retryAt()} — not a failure.
     */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED, STOPPED, ABANDONED, WAITING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "connection_id", nullable = false)
    private long connectionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity", nullable = false, length = 20)
    private EntityType entity;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, length = 20)
    private Trigger trigger;

    @Column(name = "full_read", nullable = false)
    private boolean fullRead;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 20)
    private Outcome outcome;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "read_count", nullable = false)
    private long readCount;

    @Column(name = "inserted_count", nullable = false)
    private long insertedCount;

    @Column(name = "updated_count", nullable = false)
    private long updatedCount;

    @Column(name = "unchanged_count", nullable = false)
    private long unchangedCount;

    @Column(name = "error_message", length = 2000)
    private String errorMessage;

    @Column(name = "node", length = 200)
    private String node;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private Kind kind = Kind.SYNC;

    @Column(name = "deleted_count")
    private Long deletedCount;

    @Column(name = "revived_count")
    private Long revivedCount;

    @Column(name = "retry_at")
    private Instant retryAt;

    @Column(name = "resume_with", length = 500)
    private String resumeWith;

    @Column(name = "read_began_at")
    private Instant readBeganAt;

    /** Records of this run that could not be read and were set aside (V18's rejected_record), counted when loaded. */
    @org.hibernate.annotations.Formula("(SELECT COUNT(*) FROM rejected_record r WHERE r.run_id = id)")
    private long rejectedCount;

    protected SyncRun() {}

    SyncRun(long connectionId, EntityType entity, Trigger trigger, boolean fullRead, Instant startedAt, String node) {
        this(connectionId, entity, trigger, fullRead, startedAt);
        this.node = node;
    }

    SyncRun(long connectionId, EntityType entity, Trigger trigger, boolean fullRead, Instant startedAt) {
        this.connectionId = connectionId;
        this.entity = entity;
        this.trigger = trigger;
        this.fullRead = fullRead;
        this.outcome = Outcome.RUNNING;
        this.startedAt = startedAt;
    }

    SyncRun(long connectionId, EntityType entity, Kind kind, Trigger trigger, boolean fullRead, Instant startedAt,
            String node) {
        this(connectionId, entity, trigger, fullRead, startedAt, node);
        this.kind = kind;
    }

    public long id() { return id; }
    public Kind kind() { return kind; }
    /** Records its reconciliation pass marked deleted; null when the run had no such pass (or it did not end). */
    public Long deletedCount() { return deletedCount; }
    /** Records marked deleted before that its reconciliation pass found again; null as {@link #deletedCount()}. */
    public Long revivedCount() { return revivedCount; }
    public long connectionId() { return connectionId; }
    public EntityType entity() { return entity; }
    public Trigger trigger() { return trigger; }
    public boolean fullRead() { return fullRead; }
    public Outcome outcome() { return outcome; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public long readCount() { return readCount; }
    public long insertedCount() { return insertedCount; }
    public long updatedCount() { return updatedCount; }
    public long unchangedCount() { return unchangedCount; }
    public String errorMessage() { return errorMessage; }
    /** The process that ran it ({@code cli@host:pid} or {@code daemon <node>@host:pid}), or null. */
    public String node() { return node; }
    /** What the read wanted said beside counts and error ({@code RecordStream.notices()}), one per item. */
    public long rejectedCount() {
        return rejectedCount;
    }

    public java.util.List<String> notes() {
        return notes == null || notes.isEmpty() ? java.util.List.of() : java.util.List.of(notes.split("\n"));
    }

    /** A WAITING run: when its read looks again; null otherwise. */
    public Instant retryAt() { return retryAt; }
    /** A WAITING run: what its connector asked to be handed back when the read continues; null otherwise. */
    public String resumeWith() { return resumeWith; }
    /**
     * A run that read from the start: when that read began — its own start, or the first run's of a read that earlier
     * runs left WAITING; null for a run that read from a cursor.
     */
    public Instant readBeganAt() { return readBeganAt; }

    void finish(Outcome result, Instant at, PageCounts counts, String error, java.util.List<String> notices,
            Instant retryAt, String resumeWith, Instant readBeganAt, Reconciliation.Result reconciled) {
        finish(result, at, counts, error, notices);
        this.retryAt = retryAt == null ? null : retryAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.resumeWith = resumeWith;
        this.readBeganAt = readBeganAt == null ? null : readBeganAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (reconciled != null) {
            this.deletedCount = reconciled.deleted();
            this.revivedCount = reconciled.revived();
        }
    }

    void finish(Outcome result, Instant at, PageCounts counts, String error, java.util.List<String> notices) {
        finish(result, at, counts, error);
        this.notes = notices.isEmpty() ? null : Sql.fit(String.join("\n", notices), 4000);
    }

    void finish(Outcome result, Instant at, PageCounts counts, String error) {
        this.outcome = result;
        this.finishedAt = at;
        this.readCount = counts.read();
        this.insertedCount = counts.inserted();
        this.updatedCount = counts.updated();
        this.unchangedCount = counts.unchanged();
        this.errorMessage = Sql.fit(error, 2000);
    }
}
