package io.tributary.schedule;

import java.util.Locale;

/** How often a schedule fires. */
public enum Frequency {
    /** Every hour, at the minute of the schedule's time of day. */
    HOURLY,
    /** Every day at the time of day. */
    DAILY,
    /** Every week on the day of week, at the time of day. */
    WEEKLY;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Frequency parse(String text) {
        for (Frequency frequency : values()) {
            if (frequency.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return frequency;
            }
        }
        throw new IllegalArgumentException("Unknown frequency '" + text + "': use hourly, daily or weekly.");
    }
}
