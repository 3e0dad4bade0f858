package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectorException;
import io.tributary.spi.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token of one connector instance. In token mode it is the one given. In client-credentials mode it is
 * minted on first use, kept, and renewed before it expires — a tenth of its lifetime early, at most an hour — and
 * once more when Shopify refuses it; a refused client ID or secret is remembered and never sent again by this
 * instance. The token is a {@link Secret}. Thread-safe.
 */
final class ShopifyTokens {
    /** Tag of the token request, which goes out without a token. */
    enum Mint { INSTANCE }

    private static final Duration MAX_MARGIN = Duration.ofHours(1);

    private final Clock clock;
    private Secret token;
    private Instant renewAt;
    private Instant expiresAt;
    private ConnectorException refusal;

    ShopifyTokens(Clock clock, ShopifyCredentials credentials) {
        this.clock = requireNonNull(clock, "clock is null");
        if (credentials instanceof ShopifyCredentials.Token given) {
            token = given.accessToken();
        }
    }

    /** The token to send now, or null when there is none or it is due for renewal. */
    synchronized Secret usable() {
        return token != null && (renewAt == null || clock.instant().isBefore(renewAt)) ? token : null;
    }

    /** Keeps a token just minted that lives {@code lifetime}. */
    synchronized void minted(Secret newToken, Duration lifetime) {
        Instant now = clock.instant();
        Duration tenth = lifetime.dividedBy(10);
        expiresAt = now.plus(lifetime);
        renewAt = expiresAt.minus(tenth.compareTo(MAX_MARGIN) < 0 ? tenth : MAX_MARGIN);
        token = newToken;
    }

    synchronized void refused(ConnectorException failure) {
        refusal = failure;
        token = null;
    }

    synchronized ConnectorException refusal() {
        return refusal;
    }

    /** Forgets a minted token Shopify refused, so the next call mints a new one. */
    synchronized void discard() {
        token = null;
    }

    /** When the minted token expires; null for a given token. */
    synchronized Instant expiresAt() {
        return token == null ? null : expiresAt;
    }
}
