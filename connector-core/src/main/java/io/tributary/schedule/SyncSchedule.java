package io.tributary.schedule;

import io.tributary.spi.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The stored schedule of one (connection, entity). */
@Entity
@Table(name = "sync_schedule")
public class SyncSchedule {
    /** (connection, entity, kind). */
    @Embeddable
    public record Key(
            @Column(name = "connection_id", nullable = false) long connectionId,
            @Enumerated(EnumType.STRING) @Column(name = "entity", nullable = false, length = 20) EntityType entity,
            @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false, length = 20) ScheduleKind kind)
            implements Serializable {}

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "frequency", nullable = false, length = 10)
    private Frequency frequency;

    @Column(name = "day_of_week", length = 3)
    private String dayOfWeek;

    @Column(name = "time_of_day", nullable = false, length = 5)
    private String timeOfDay;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "zone", nullable = false, length = 64)
    private String zone;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SyncSchedule() {}

    SyncSchedule(long connectionId, EntityType entity, ScheduleKind kind, ScheduleSpec spec, Instant now) {
        this.key = new Key(connectionId, entity, kind);
        apply(spec, now);
    }

    void apply(ScheduleSpec spec, Instant now) {
        frequency = spec.frequency();
        dayOfWeek = ScheduleDefaults.dayName(spec.dayOfWeek());
        timeOfDay = spec.time().toString();
        startDate = spec.startDate();
        zone = spec.zone().getId();
        active = spec.active();
        updatedAt = now;
    }

    public long connectionId() {
        return key.connectionId();
    }

    public EntityType entity() {
        return key.entity();
    }

    public ScheduleKind kind() {
        return key.kind();
    }

    public ScheduleSpec spec() {
        return new ScheduleSpec(frequency, dayOfWeek == null ? null : ScheduleDefaults.parseDay(dayOfWeek),
                LocalTime.parse(timeOfDay), startDate, ZoneId.of(zone), active);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
