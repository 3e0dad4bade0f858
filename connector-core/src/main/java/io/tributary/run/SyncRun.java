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
     * How a run ended. STOPPED: the daemon shut down and the run stopped at a page boundary, its cursor committed.
     * ABANDONED: the process running it died; the next taker of its lease closed it.
     */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED, STOPPED, ABANDONED }

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

    public long id() { return id; }
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
    public java.util.List<String> notes() {
        return notes == null || notes.isEmpty() ? java.util.List.of() : java.util.List.of(notes.split("\n"));
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
