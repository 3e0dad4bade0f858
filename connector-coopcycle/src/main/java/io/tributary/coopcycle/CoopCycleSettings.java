package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import java.time.Duration;

/**
 * A CoopCycle connection's settings, typed: where the instance is, how to authenticate, the currency of its
 * amounts, and the re-read window.
 *
 * @param identifier the API app's identifier, or the {@code ak_} API key
 * @param secret     the API app's secret; null for an API key
 * @param rereadFor  the re-read window: every delivery created within it is read again at every sync, and an
 *                   unfinished one until this long after its dropoff deadline
 */
record CoopCycleSettings(CoopCycleSite site, CoopCycleAuthMode mode, Secret identifier, Secret secret,
        String currency, Duration rereadFor) {
    static final String CURRENCY = "currency";
    static final String REREAD_DAYS = "reread-days";
    static final String DEFAULT_CURRENCY = "EUR";
    static final int DEFAULT_REREAD_DAYS = 7;
    static final int MAX_REREAD_DAYS = 365;

    CoopCycleSettings {
        requireNonNull(site, "site is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(identifier, "identifier is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(rereadFor, "rereadFor is null");
    }

    /** Reads valid settings (the provider validated them). */
    static CoopCycleSettings of(ConnectionSettings settings) {
        Secret identifier = settings.secret(CredentialField.ACCESS_TOKEN).orElseThrow(() ->
                new IllegalArgumentException("The CoopCycle connection has no access token."));
        CoopCycleAuthMode mode = modeOf(settings);
        return new CoopCycleSettings(CoopCycleSite.of(settings.apiUrl()), mode, identifier,
                settings.secret(CredentialField.SECRET).orElse(null),
                settings.option(CURRENCY).orElse(DEFAULT_CURRENCY).trim(),
                Duration.ofDays(settings.option(REREAD_DAYS).map(d -> Integer.parseInt(d.trim()))
                        .orElse(DEFAULT_REREAD_DAYS)));
    }

    static CoopCycleAuthMode modeOf(ConnectionSettings settings) {
        CoopCycleAuthMode explicit = CoopCycleAuthMode.parse(settings.option(CoopCycleAuthMode.FIELD).orElse(null));
        return explicit != null ? explicit : CoopCycleAuthMode.forToken(
                settings.secret(CredentialField.ACCESS_TOKEN).map(Secret::reveal).orElse(null));
    }
}
