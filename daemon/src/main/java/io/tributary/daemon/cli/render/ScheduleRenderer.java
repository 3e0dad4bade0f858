package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;
import static java.util.Objects.requireNonNull;

import io.tributary.schedule.ScheduleDefaults;
import io.tributary.schedule.ScheduleKind;
import io.tributary.schedule.ScheduleSpec;
import io.tributary.schedule.ScheduleView;
import io.tributary.scheduler.ScheduleTriggers;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schedule with its next firing, computed as the daemon's trigger computes it. */
public final class ScheduleRenderer implements Renderer<ScheduleView> {
    private final Clock clock;

    public ScheduleRenderer(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** When the schedule fires next, or null when it does not fire (inactive, or its connection is disabled). */
    public Instant nextFireAt(ScheduleView view) {
        return view.firing() ? ScheduleTriggers.nextFireAfter(view.spec(), clock.instant()).orElse(null) : null;
    }

    @Override
    public Map<String, Object> json(ScheduleView s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connectionId", s.connectionId());
        json.put("entity", s.entity().cliName());
        json.put("kind", s.kind().cliName());
        json.put("frequency", s.spec().frequency().name());
        json.put("dayOfWeek", ScheduleDefaults.dayName(s.spec().dayOfWeek()));
        json.put("time", s.spec().time().toString());
        json.put("startDate", s.spec().startDate().toString());
        json.put("zone", s.spec().zone().getId());
        json.put("active", s.spec().active());
        json.put("paused", s.spec().active() && !s.connectionEnabled());
        json.put("nextFireAt", time(nextFireAt(s)));
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("CONN", "ENTITY", "KIND", "FREQUENCY", "DAY", "TIME", "START", "ZONE", "STATE", "NEXT");
    }

    @Override
    public List<String> row(ScheduleView s) {
        String state = !s.spec().active() ? "inactive" : !s.connectionEnabled() ? "paused" : "active";
        return Arrays.asList(Long.toString(s.connectionId()), s.entity().cliName(), s.kind().cliName(),
                s.spec().frequency().cliName(),
                ScheduleDefaults.dayName(s.spec().dayOfWeek()), s.spec().time().toString(),
                s.spec().startDate().toString(), s.spec().zone().getId(), state, time(nextFireAt(s)));
    }

    /** The schedule as one sentence, with its next run or why it has none. */
    public String sentence(ScheduleView s) {
        ScheduleSpec spec = s.spec();
        Instant next = nextFireAt(s);
        return (s.kind() == ScheduleKind.RECONCILE ? "Reconcile schedule of " : "Schedule of ") + s.entity().cliName()
                + " for connection " + s.connectionId() + ": "
                + spec.frequency().cliName()
                + (spec.dayOfWeek() == null ? "" : " on " + ScheduleDefaults.dayName(spec.dayOfWeek()))
                + " at " + spec.time() + " " + spec.zone().getId() + " from " + spec.startDate() + ", "
                + (spec.active() ? "active" : "inactive")
                + (next == null ? (spec.active() ? " (paused: the connection is disabled)" : "")
                        : "; next run " + next) + ".";
    }
}
