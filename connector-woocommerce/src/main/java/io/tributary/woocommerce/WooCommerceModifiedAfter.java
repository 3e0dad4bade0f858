package io.tributary.woocommerce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;

/**
 * The {@code modified_after} value of an incremental read, sent in the shop's own time and without
 * {@code dates_are_gmt}.
 *
 * <p>Why: WooCommerce reads {@code modified_after} as the site's local time unless {@code dates_are_gmt=true}
 * (then it compares the {@code post_modified_gmt} column instead of {@code post_modified}); {@code dates_are_gmt}
 * exists since about 5.4 (a maintainer on woocommerce-rest-api-docs#203) and {@code modified_after} since 5.8
 * (WooCommerce's changelog, #30585); the collection queries pick {@code $use_gmt ? 'post_modified_gmt' :
 * 'post_modified'}. A shop whose
 * plugin rebuilds the date query without looking at {@code dates_are_gmt} compares a UTC value with local times: a
 * shop west of UTC then skips what changed in the hours of its offset, one east of it reads them again. Local time
 * without {@code dates_are_gmt} is the default every shop reads the same way; with HPOS order tables WooCommerce
 * turns it into GMT itself ({@code OrdersTableQuery::map_gmt_and_post_keys_to_hpos_keys}). Sources: the team's
 * EXTERNAL_APIS.md, §2.3 and §2.5; the decision is also in RELIABILITY.md (Fidelity).
 *
 * <p>The time zone is the one WordPress's public root index gives ({@code timezone_string}, else {@code gmt_offset}).
 * A local time the shop's clock shows twice (the hour repeated when daylight saving time ends) is replaced by the
 * second before that hour began, so no record of either pass of it is skipped (the records of up to two hours are
 * read again, once a year). When the zone is not known (the root index is refused), the value is the instant in UTC
 * with its {@code Z}, one hour earlier: WordPress's date query converts a value with a zone designator to the site's
 * time zone (WP_Date_Query::build_mysql_datetime, WordPress 5.3 and later; every shop with {@code modified_after}
 * runs 5.6 or later), and the hour covers a repeated one.
 */
final class WooCommerceModifiedAfter {
    /** How much earlier a value is sent when the shop's zone is unknown: the longest repeated hour there is. */
    static final Duration UNKNOWN_ZONE_OVERLAP = Duration.ofHours(1);
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private WooCommerceModifiedAfter() {}

    /** The value that asks for every record modified after {@code after}, in a shop in {@code siteZone} (or unknown). */
    static String of(Instant after, ZoneId siteZone) {
        if (siteZone == null) {
            return WALL.format(LocalDateTime.ofInstant(after.minus(UNKNOWN_ZONE_OVERLAP), ZoneOffset.UTC)) + "Z";
        }
        LocalDateTime local = LocalDateTime.ofInstant(after, siteZone);
        ZoneOffsetTransition repeated = siteZone.getRules().getTransition(local);
        if (repeated != null && repeated.isOverlap()) {
            local = repeated.getDateTimeAfter().minusSeconds(1);
        }
        return WALL.format(local);
    }
}
