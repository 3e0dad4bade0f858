package io.tributary.magento;

import java.util.Locale;

/** How a Magento connection proves who it is; one connection uses one mode. */
public enum MagentoAuthMode {
    /**
     * An admin user's name and password, exchanged for a bearer token at {@code POST integration/admin/token}.
     * Needs two-factor authentication off for that user (Magento 2.4 requires it by default).
     */
    ADMIN,
    /** An integration's four OAuth 1.0a values; every request signed with HMAC-SHA256. */
    INTEGRATION,
    /** An integration's access token sent alone as a bearer token; only where the shop allows it (off since 2.4.4). */
    BEARER;

    public static final String FIELD = "auth-mode";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode for a connection: the one given, else {@link #INTEGRATION} when a consumer key is given, else
     * {@link #ADMIN}.
     *
     * @throws IllegalArgumentException with a readable sentence for an unknown mode
     */
    public static MagentoAuthMode resolve(String given, boolean consumerKeyGiven) {
        if (given == null || given.isBlank()) {
            return consumerKeyGiven ? INTEGRATION : ADMIN;
        }
        for (MagentoAuthMode mode : values()) {
            if (mode.cliName().equals(given.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The Magento auth-mode must be admin, integration or bearer, got '" + given
                + "'.");
    }
}
