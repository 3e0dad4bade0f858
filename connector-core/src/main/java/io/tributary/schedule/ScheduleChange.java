package io.tributary.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What {@code schedule set} changes; null parts stay as they are. Switching to a frequency other than weekly
 * drops the day of week; switching to weekly needs one.
 */
public record ScheduleChange(Frequency frequency, DayOfWeek dayOfWeek, LocalTime time, LocalDate startDate,
        ZoneId zone, Boolean active) {

    public ScheduleSpec applyTo(ScheduleSpec current) {
        Frequency nextFrequency = frequency != null ? frequency : current.frequency();
        DayOfWeek nextDay = dayOfWeek != null ? dayOfWeek
                : nextFrequency == Frequency.WEEKLY ? current.dayOfWeek() : null;
        return new ScheduleSpec(nextFrequency, nextDay, time != null ? time : current.time(),
                startDate != null ? startDate : current.startDate(), zone != null ? zone : current.zone(),
                active != null ? active : current.active());
    }
}
