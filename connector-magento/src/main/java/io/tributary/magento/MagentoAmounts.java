package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts from Magento's JSON numbers, exact. Magento keeps prices in {@code decimal(20,6)} and order amounts
 * and quantities in {@code decimal(20,4)} (or {@code (12,4)}) columns and prints them as PHP floats: with PHP's
 * default {@code serialize_precision = -1} the shortest form ({@code 29.9}), read exactly from the JSON text.
 * A server still on the legacy {@code serialize_precision = 17} prints {@code 29.899999999999999}; digits past the
 * column's scale cannot be data, so such a value is rounded back to the column's scale (and trailing zeros
 * dropped). Nothing else is ever rounded.
 */
final class MagentoAmounts {
    /** Decimal places of Magento's price columns. */
    static final int PRICE_SCALE = 6;
    /** Decimal places of Magento's order amount and quantity columns. */
    static final int ORDER_SCALE = 4;

    private MagentoAmounts() {}

    static BigDecimal amount(JsonNode node, String field, String recordId, int columnScale) {
        BigDecimal value = Json.decimal(node, field, recordId);
        if (value == null || value.scale() <= columnScale) {
            return value;
        }
        BigDecimal rounded = value.setScale(columnScale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
