package io.tributary.testkit.shopify;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Shopify's search syntax the connector uses: {@code updated_at:>='2026-01-01T00:00:00Z'} (or {@code >}).
 * A date without quotes is read as the whole day, as Shopify reportedly does; anything else is refused, so a
 * connector that sends another filter notices.
 */
final class ShopifySearch {
    private static final Pattern UPDATED = Pattern.compile("^updated_at:(>=|>)('([^']+)'|(\\S+))$");

    private ShopifySearch() {}

    /** The filter on update time for a {@code query} argument (null: everything). */
    static Predicate<Instant> updatedFilter(String query) {
        if (query == null || query.isBlank()) {
            return at -> true;
        }
        Matcher m = UPDATED.matcher(query.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("The fake Shopify only understands updated_at:>='…' searches, got: "
                    + query);
        }
        Instant bound = m.group(3) != null ? Instant.parse(m.group(3))
                : Instant.parse(m.group(4).substring(0, 10) + "T00:00:00Z");
        boolean inclusive = m.group(1).equals(">=");
        return at -> inclusive ? !at.isBefore(bound) : at.isAfter(bound);
    }
}
