package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The admin token of one connector instance: obtained once, kept, and renewed shortly before it expires —
 * at the JWT's {@code exp} when the token is a JWT (Magento 2.4.4+), else after at most an hour (older
 * versions issue opaque tokens that live 4 hours by default; the admin may have shortened that). The token is
 * a {@link Secret}: it never reaches a log, a message or the store. Thread-safe.
 */
final class MagentoAdminTokens {
    /** Tag of the sign-in request, which must go out without a token. */
    enum SignIn { INSTANCE }

    static final Duration OPAQUE_LIFETIME = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Clock clock;
    private Secret token;
    private Instant renewAt;
    private Instant expiresAt;
    private ConnectorException refusal;

    MagentoAdminTokens(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The token to send now, or null when there is none or it is due for renewal. */
    synchronized Secret usable() {
        return token != null && clock.instant().isBefore(renewAt) ? token : null;
    }

    /** Keeps a token just issued; reads its lifetime from the JWT {@code exp} when there is one. */
    synchronized void issued(Secret newToken) {
        Instant now = clock.instant();
        Instant expiry = jwtExpiry(newToken.reveal());
        expiresAt = expiry != null && expiry.isAfter(now) ? expiry : now.plus(OPAQUE_LIFETIME);
        Duration lifetime = Duration.between(now, expiresAt);
        Duration margin = lifetime.dividedBy(4).compareTo(MARGIN) < 0 ? lifetime.dividedBy(4) : MARGIN;
        renewAt = expiresAt.minus(margin);
        token = newToken;
    }

    /** Remembers that Magento refused the user name and password: this instance never sends them again. */
    synchronized void refused(ConnectorException failure) {
        refusal = failure;
        token = null;
    }

    /** The refusal of an earlier sign-in, or null. */
    synchronized ConnectorException refusal() {
        return refusal;
    }

    /** Forgets the token after Magento refused it, so the next call signs in again. */
    synchronized void discard() {
        token = null;
    }

    /** When the current token expires, or null. */
    synchronized Instant expiresAt() {
        return token == null ? null : expiresAt;
    }

    /** The {@code exp} claim of a JWT ({@code header.payload.signature}), or null for another kind of token. */
    static Instant jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_')
                    .replace("=", ""));
            JsonNode claims = Json.mapper().readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
