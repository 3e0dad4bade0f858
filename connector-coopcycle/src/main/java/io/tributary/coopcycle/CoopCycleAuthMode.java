package io.tributary.coopcycle;

import java.util.Locale;

/** How Tributary authenticates to CoopCycle. */
public enum CoopCycleAuthMode {
    /** OAuth2 client credentials: the API app's identifier and secret buy a bearer token at {@code /oauth2/token}. */
    OAUTH2,
    /** A static {@code ak_} API key, sent as the bearer token itself. */
    API_KEY;

    public static final String FIELD = "auth-mode";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code oauth2|api-key}; null or blank means: decided by the token ({@link #forToken}). */
    public static CoopCycleAuthMode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (CoopCycleAuthMode mode : values()) {
            if (mode.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The CoopCycle auth-mode must be oauth2 or api-key, got '" + text + "'.");
    }

    /** The default for an access token: an API key when it starts with {@code ak_}, OAuth2 otherwise. */
    public static CoopCycleAuthMode forToken(String accessToken) {
        return accessToken != null && accessToken.startsWith("ak_") ? API_KEY : OAUTH2;
    }
}
