package io.tributary.scheduler;

import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleDefaults;
import io.tributary.schedule.ScheduleKind;
import io.tributary.schedule.ScheduleSpec;
import io.tributary.spi.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Maps a schedule to its Quartz trigger: a calendar-interval trigger in the schedule's zone — every hour, day or
 * week from the schedule's first firing, keeping the hour of day across daylight saving time. Missed firings (the
 * daemon was down) fire once when it is back, not once per missed slot: the cursor covers the gap.
 *
 * <p>Why not cron triggers: measured with Quartz 2.5.2 in Europe/Stockholm, a daily cron at 02:30 does not fire at
 * all on the day the clocks skip 02:00-03:00, and an hourly cron skips one real hour when they repeat 02:00-03:00.
 * With this trigger (shown by the tests): a time of day inside the skipped hour fires one hour later that day
 * (02:30 becomes 03:30); a time inside the repeated hour fires once, at its first occurrence; hourly schedules
 * fire once every real hour, so twice at "02:20" local time on the autumn night and never at a time that does
 * not exist.
 */
public final class ScheduleTriggers {
    public static final String GROUP = "tributary";

    private ScheduleTriggers() {}

    public static JobKey jobKey(long connectionId, EntityType entity) {
        return jobKey(connectionId, entity, ScheduleKind.SYNC);
    }

    /** {@code sync-<connection>-<entity>}, or {@code reconcile-...} for a reconcile schedule. */
    public static JobKey jobKey(long connectionId, EntityType entity, ScheduleKind kind) {
        return JobKey.jobKey(name(connectionId, entity, kind), GROUP);
    }

    public static TriggerKey triggerKey(long connectionId, EntityType entity) {
        return triggerKey(connectionId, entity, ScheduleKind.SYNC);
    }

    public static TriggerKey triggerKey(long connectionId, EntityType entity, ScheduleKind kind) {
        return TriggerKey.triggerKey(name(connectionId, entity, kind), GROUP);
    }

    private static String name(long connectionId, EntityType entity, ScheduleKind kind) {
        return kind.cliName() + "-" + connectionId + "-" + entity.cliName();
    }

    /** What identifies a schedule's trigger: when it changes, the trigger is replaced. */
    public static String signature(ScheduleSpec spec) {
        return spec.frequency() + "|" + ScheduleDefaults.dayName(spec.dayOfWeek()) + "|" + spec.time() + "|"
                + spec.startDate() + "|" + spec.zone().getId();
    }

    /**
     * The trigger of a schedule, starting at its next firing after {@code now}, so that creating or changing a
     * trigger does not fire it at once. (Quartz takes the hour of day to keep from the start time; when the next
     * firing is one moved out of a skipped hour, the trigger starts at the firing before it instead, which fires
     * once right away as a missed firing.)
     */
    public static Trigger trigger(long connectionId, EntityType entity, ScheduleSpec spec, Instant now) {
        return trigger(connectionId, entity, ScheduleKind.SYNC, spec, now);
    }

    /** As {@link #trigger(long, EntityType, ScheduleSpec, Instant)}, for the schedule of {@code kind}. */
    public static Trigger trigger(long connectionId, EntityType entity, ScheduleKind kind, ScheduleSpec spec,
            Instant now) {
        Instant next = nextFireAfter(spec, now).orElseThrow();
        Instant start = next;
        if (spec.frequency() != Frequency.HOURLY && !next.atZone(spec.zone()).toLocalTime().equals(spec.time())) {
            start = previousOccurrence(spec, next);
        }
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(connectionId, entity, kind))
                .forJob(jobKey(connectionId, entity, kind))
                .usingJobData("signature", signature(spec))
                .startAt(Date.from(start))
                .withSchedule(schedule(spec))
                .build();
    }

    private static CalendarIntervalScheduleBuilder schedule(ScheduleSpec spec) {
        CalendarIntervalScheduleBuilder builder = CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                .inTimeZone(TimeZone.getTimeZone(spec.zone()))
                .withMisfireHandlingInstructionFireAndProceed();
        return switch (spec.frequency()) {
            case HOURLY -> builder.withIntervalInHours(1);
            case DAILY -> builder.withIntervalInDays(1).preserveHourOfDayAcrossDaylightSavings(true)
                    .skipDayIfHourDoesNotExist(false);
            case WEEKLY -> builder.withIntervalInWeeks(1).preserveHourOfDayAcrossDaylightSavings(true)
                    .skipDayIfHourDoesNotExist(false);
        };
    }

    /**
     * The first firing strictly after {@code after}: hourly every real hour from the start date at the time of
     * day; daily and weekly at the time of day in the zone — moved later by the gap where that time does not exist,
     * at its first occurrence where it exists twice.
     */
    public static Optional<Instant> nextFireAfter(ScheduleSpec spec, Instant after) {
        ZoneId zone = spec.zone();
        Instant start = spec.startsAt();
        if (spec.frequency() == Frequency.HOURLY) {
            if (after.isBefore(start)) {
                return Optional.of(start);
            }
            long hours = Duration.between(start, after).toHours() + 1;
            return Optional.of(start.plus(Duration.ofHours(hours)));
        }
        int stepDays = spec.frequency() == Frequency.WEEKLY ? 7 : 1;
        LocalDate day = spec.startDate();
        if (spec.frequency() == Frequency.WEEKLY) {
            day = day.with(TemporalAdjusters.nextOrSame(spec.dayOfWeek()));
        }
        LocalDate afterDay = after.atZone(zone).toLocalDate().minusDays(1);
        if (day.isBefore(afterDay)) {
            long periods = ChronoUnit.DAYS.between(day, afterDay) / stepDays;
            day = day.plusDays(periods * stepDays);
        }
        while (true) {
            Instant candidate = ZonedDateTime.of(day, spec.time(), zone).toInstant();
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
            day = day.plusDays(stepDays);
        }
    }

    /** The occurrence one period before {@code next} at the schedule's exact time of day. */
    private static Instant previousOccurrence(ScheduleSpec spec, Instant next) {
        LocalDate day = next.atZone(spec.zone()).toLocalDate().minusDays(spec.frequency() == Frequency.WEEKLY ? 7 : 1);
        return ZonedDateTime.of(day, spec.time(), spec.zone()).toInstant();
    }
}
