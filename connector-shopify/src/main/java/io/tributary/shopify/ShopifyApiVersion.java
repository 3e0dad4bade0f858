package io.tributary.shopify;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The Admin API version a connection pins ({@code --credential api-version=YYYY-MM}), by default the one this
 * connector was built and tested against. Shopify releases one each quarter and supports each for at least 12
 * months; a request for a version no longer supported is answered by the oldest supported one.
 */
record ShopifyApiVersion(String name) {
    private static final Pattern FORMAT = Pattern.compile("20\\d\\d-(01|04|07|10)");
    /** The version this connector was built against: the newest stable one when it was written. */
    static final ShopifyApiVersion BUILT_AGAINST = new ShopifyApiVersion("2026-10");
    static final String FIELD = "api-version";
    /** How long before the end of support verify starts to warn. */
    static final int WARN_MONTHS = 3;

    ShopifyApiVersion {
        if (!FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("A Shopify API version is a quarter's release, YYYY-01, -04, -07 or -10 "
                    + "(for example " + BUILT_AGAINST.name() + "), got '" + name + "'.");
        }
    }

    static ShopifyApiVersion of(String given) {
        return given == null || given.isBlank() ? BUILT_AGAINST : new ShopifyApiVersion(given.trim());
    }

    /** The first day Shopify no longer promises to serve it: 12 months after its release. */
    LocalDate supportedUntil() {
        return YearMonth.parse(name).plusMonths(12).atDay(1);
    }

    /** A sentence when support ends within {@value #WARN_MONTHS} months of {@code today} (or has ended), else null. */
    String warning(LocalDate today) {
        LocalDate end = supportedUntil();
        if (today.isBefore(end.minusMonths(WARN_MONTHS))) {
            return null;
        }
        String when = today.isBefore(end) ? "ends on " + end : "ended on " + end
                + ", so Shopify answers with the oldest version it still supports";
        return "Shopify's support for API version " + name + " " + when + ": set --credential api-version= to a "
                + "newer one (this connector was built against " + BUILT_AGAINST.name() + ").";
    }
}
