package io.tributary.testkit.woocommerce;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress dates. Times are kept as epoch seconds; a "local" value is the site's wall-clock time
 * written as if it were UTC ({@code LocalDateTime.toEpochSecond(UTC)}), which is how the
 * {@code post_date} / {@code post_modified} columns compare in MySQL.
 */
final class WooTime {

    private static final DateTimeFormatter WP_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** rest_parse_date() in WordPress: a zone designator is optional. */
    private static final Pattern REST_DATE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?([Zz]|[+-]\\d{2}(?::\\d{2})?)?$");

    private final ZoneId zone;

    WooTime(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    long local(long gmtSeconds) {
        return gmtSeconds + zone.getRules().getOffset(Instant.ofEpochSecond(gmtSeconds)).getTotalSeconds();
    }

    static String format(long wallSeconds) {
        return LocalDateTime.ofEpochSecond(wallSeconds, 0, ZoneOffset.UTC).format(WP_FORMAT);
    }

    String formatLocal(long gmtSeconds) {
        return format(local(gmtSeconds));
    }

    /**
     * A filter value such as {@code modified_after}, as WP_Date_Query reads it: a value without a
     * zone is taken as it is (it is compared with whichever column, local or GMT, the query uses);
     * a value with a zone designator is first converted to the site's time zone
     * ({@code date_create($value, wp_timezone())->setTimezone(wp_timezone())}). Fractions of a
     * second are dropped. Empty when WordPress would reject the value as "Invalid date."
     */
    Optional<Long> parseFilter(String value) {
        Matcher matcher = REST_DATE.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        LocalDateTime wall;
        try {
            wall = LocalDateTime.parse(matcher.group(1) + "T" + matcher.group(2));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        String designator = matcher.group(3);
        if (designator == null) {
            return Optional.of(wall.toEpochSecond(ZoneOffset.UTC));
        }
        ZoneOffset offset = designator.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalizeOffset(designator));
        Instant instant = OffsetDateTime.of(wall, offset).toInstant();
        return Optional.of(local(instant.getEpochSecond()));
    }

    private static String normalizeOffset(String designator) {
        if (designator.length() == 3) {
            return designator + ":00";
        }
        return designator;
    }
}
