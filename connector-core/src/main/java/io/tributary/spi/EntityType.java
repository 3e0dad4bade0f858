package io.tributary.spi;

import java.util.Locale;

/** The kinds of records a connector can read into the central store. */
public enum EntityType {
    PRODUCTS,
    ORDERS,
    /** Customers registered at the source (not only those derived from orders). */
    CUSTOMERS;

    /** The lower-case name used on the command line and in JSON ({@code products}, {@code orders}, {@code customers}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code products}/{@code orders}/{@code customers} in any case; throws with a readable sentence otherwise. */
    public static EntityType parse(String text) {
        for (EntityType type : values()) {
            if (type.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown entity '" + text + "': use products, orders or customers.");
    }
}
