package io.tributary.schedule;

import io.tributary.spi.EntityType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The schedules a new connection gets: products daily at night, orders hourly, customers daily, and a weekly reconciliation pass
 * for each entity whose ids its system can list, all inactive until an admin turns them on. Times are spread by connection id so a thousand shops do not all fire at :00.
 */
public final class ScheduleDefaults {
    private ScheduleDefaults() {}

    public static ScheduleSpec forConnection(long connectionId, EntityType entity, ZoneId zone, LocalDate today) {
        long spread = mix(connectionId);
        return switch (entity) {
            case PRODUCTS -> new ScheduleSpec(Frequency.DAILY, null,
                    LocalTime.of(1 + (int) (spread % 5), (int) ((spread / 5) % 60)), today, zone, false);
            case ORDERS -> new ScheduleSpec(Frequency.HOURLY, null, LocalTime.of(0, (int) ((spread / 300) % 60)),
                    today, zone, false);
            // customers change rarely and a system may only read them whole: daily, half past the products' hour
            case CUSTOMERS -> new ScheduleSpec(Frequency.DAILY, null,
                    LocalTime.of(1 + (int) (spread % 5), 30 + (int) ((spread / 5) % 30)), today, zone, false);
        };
    }

    /**
     * The reconciliation pass a new connection gets for an entity whose ids its system can list: weekly on Sunday
     * night, inactive. The hour and minute are spread by connection id like the syncs', and orders come half an hour
     * after products so the two passes of one shop do not overlap on the shop's API.
     */
    public static ScheduleSpec reconcileForConnection(long connectionId, EntityType entity, ZoneId zone,
            LocalDate today) {
        long spread = mix(connectionId);
        LocalTime products = LocalTime.of(2 + (int) (spread % 3), (int) ((spread / 3) % 30));
        return new ScheduleSpec(Frequency.WEEKLY, DayOfWeek.SUNDAY,
                entity == EntityType.PRODUCTS ? products : products.plusMinutes(30), today, zone, false);
    }

    /** The default of a schedule of {@code kind}. */
    public static ScheduleSpec forConnection(long connectionId, EntityType entity, ScheduleKind kind, ZoneId zone,
            LocalDate today) {
        return kind == ScheduleKind.RECONCILE ? reconcileForConnection(connectionId, entity, zone, today)
                : forConnection(connectionId, entity, zone, today);
    }

    /** A well-spread, deterministic non-negative number from an id (Fibonacci hashing). */
    static long mix(long id) {
        return ((id + 1) * 0x9E3779B97F4A7C15L) >>> 20;
    }

    /** {@code MON}..{@code SUN}, also full English names, in any case. */
    public static DayOfWeek parseDay(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(value) || day.name().substring(0, 3).equals(value)) {
                return day;
            }
        }
        throw new IllegalArgumentException("Unknown day of week '" + text + "': use MON, TUE, WED, THU, FRI, SAT or SUN.");
    }

    public static String dayName(DayOfWeek day) {
        return day == null ? null : day.name().substring(0, 3);
    }
}
