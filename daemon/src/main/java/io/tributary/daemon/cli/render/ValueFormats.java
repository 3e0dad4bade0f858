package io.tributary.daemon.cli.render;

import java.math.BigDecimal;
import java.time.Instant;

/** How the CLI contract writes values, in JSON and in tables: money as a decimal string, times as ISO 8601 UTC. */
public final class ValueFormats {
    private ValueFormats() {}

    /** {@code "19.99"}, never a float and never in exponent form; null stays null. */
    public static String money(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** {@code 2026-01-31T12:00:00Z}; null stays null. */
    public static String time(Instant value) {
        return value == null ? null : value.toString();
    }
}
