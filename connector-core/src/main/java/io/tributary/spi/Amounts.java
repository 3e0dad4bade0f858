package io.tributary.spi;

import java.math.BigDecimal;

/** Checks that money and quantities fit the central store's exact decimal columns. */
public final class Amounts {
    /** Digits after the decimal point the store keeps. */
    public static final int SCALE = 6;
    /** Digits before the decimal point the store keeps. */
    public static final int INTEGER_DIGITS = 14;

    private Amounts() {}

    /** Returns {@code value} if it fits the store exactly; throws a readable sentence naming the field otherwise. */
    public static BigDecimal checked(String field, String recordId, BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), 0);
        int integerDigits = stripped.precision() - stripped.scale();
        if (scale > SCALE || integerDigits > INTEGER_DIGITS) {
            throw new IllegalArgumentException("Record " + recordId + " has " + field + " " + value.toPlainString()
                    + ", which does not fit the database's exact decimals (up to " + INTEGER_DIGITS + " digits and "
                    + SCALE + " decimals).");
        }
        return value;
    }
}
