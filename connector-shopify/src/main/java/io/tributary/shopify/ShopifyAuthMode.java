package io.tributary.shopify;

import java.util.Locale;

/** How a Shopify connection gets its access token; one connection uses one mode. */
public enum ShopifyAuthMode {
    /** A legacy admin-created custom app's Admin API access token ({@code shpat_…}), which does not expire. */
    TOKEN,
    /**
     * A Dev Dashboard app's client ID and secret, exchanged for a token with the client credentials grant; the token
     * lives about a day and is renewed before it expires.
     */
    CLIENT_CREDENTIALS;

    public static final String FIELD = "auth-mode";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The mode given, else a guess from what was given: a secret means a client ID and secret, a token alone means an
     * access token. Never from the token's prefix, which Shopify does not promise.
     *
     * @throws IllegalArgumentException with a readable sentence for an unknown mode
     */
    public static ShopifyAuthMode resolve(String given, boolean secretGiven) {
        if (given == null || given.isBlank()) {
            return secretGiven ? CLIENT_CREDENTIALS : TOKEN;
        }
        for (ShopifyAuthMode mode : values()) {
            if (mode.cliName().equals(given.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The Shopify auth-mode must be token or client-credentials, got '" + given
                + "'.");
    }
}
