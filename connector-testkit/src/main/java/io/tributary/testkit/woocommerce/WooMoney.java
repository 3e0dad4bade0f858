package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Prices as the API writes them: decimal strings such as {@code "12.50"}. */
final class WooMoney {

    private static final Pattern PRICE = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private WooMoney() {
    }

    /** The amount with two decimals; null for an empty string or null (no price). */
    static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!PRICE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a price like \"12.50\": " + text);
        }
        return new BigDecimal(text).setScale(2);
    }
}
