package io.tributary.schedule;

import io.tributary.spi.EntityType;

/**
 * A schedule as listed, with whether its connection is enabled: a schedule of a disabled connection is paused
 * whatever its active flag says.
 */
public record ScheduleView(long connectionId, EntityType entity, ScheduleKind kind, ScheduleSpec spec,
        boolean connectionEnabled, long version) {
    /** Whether the schedule fires: active, and its connection enabled. */
    public boolean firing() {
        return spec.active() && connectionEnabled;
    }
}
