package io.tributary.schedule;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a (connection, entity) syncs: the frequency, the day of week (weekly only), the time of day (hourly uses
 * its minute), the date it starts on, the time zone those are read in, and whether it is active at all.
 */
public record ScheduleSpec(Frequency frequency, DayOfWeek dayOfWeek, LocalTime time, LocalDate startDate, ZoneId zone,
        boolean active) {

    public ScheduleSpec {
        requireNonNull(frequency, "frequency is null");
        requireNonNull(time, "time is null");
        requireNonNull(startDate, "startDate is null");
        requireNonNull(zone, "zone is null");
        if (frequency == Frequency.WEEKLY && dayOfWeek == null) {
            throw new IllegalArgumentException("A weekly schedule needs a day of week (--day-of-week MON..SUN).");
        }
        if (frequency != Frequency.WEEKLY && dayOfWeek != null) {
            throw new IllegalArgumentException("Only weekly schedules take a day of week; this one is "
                    + frequency.cliName() + ".");
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("A schedule's time of day is whole minutes (HH:MM).");
        }
    }

    /** The first instant the schedule may fire: its start date at its time of day, in its zone. */
    public java.time.Instant startsAt() {
        return startDate.atTime(time).atZone(zone).toInstant();
    }
}
