package io.tributary.schedule;

import java.util.Locale;

/**
 * What a schedule runs: SYNC reads what changed (the default); RECONCILE lists the ids at the source and marks the
 * records it no longer has as deleted (weekly by default, for the entities whose ids the system can list).
 */
public enum ScheduleKind {
    SYNC, RECONCILE;

    /** {@code sync} or {@code reconcile}, as the command line and JSON say it. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync|reconcile} in any case; null or blank means {@link #SYNC}. */
    public static ScheduleKind parse(String text) {
        if (text == null || text.isBlank()) {
            return SYNC;
        }
        for (ScheduleKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown schedule kind '" + text + "': use sync or reconcile.");
    }
}
