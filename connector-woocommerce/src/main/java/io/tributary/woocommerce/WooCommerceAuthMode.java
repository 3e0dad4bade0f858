package io.tributary.woocommerce;

import java.util.Locale;

/** How the consumer key and secret travel to WooCommerce. */
public enum WooCommerceAuthMode {
    /** Basic over https (falling back to query parameters when the server strips the header), OAuth 1.0a over http. */
    AUTO,
    /** HTTP Basic: key as user name, secret as password. https only. */
    BASIC,
    /** {@code consumer_key} and {@code consumer_secret} query parameters, for servers that strip Authorization. https only. */
    QUERY,
    /** OAuth 1.0a one-legged signing, as WooCommerce requires on plain http. */
    OAUTH1;

    public static final String FIELD = "auth-mode";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto|basic|query|oauth1}; null or blank means {@link #AUTO}. */
    public static WooCommerceAuthMode parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        for (WooCommerceAuthMode mode : values()) {
            if (mode.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The WooCommerce auth-mode must be auto, basic, query or oauth1, got '"
                + text + "'.");
    }

    /** The mode actually used first for a site with this scheme. */
    public WooCommerceAuthMode resolve(boolean https) {
        return this == AUTO ? (https ? BASIC : OAUTH1) : this;
    }
}
