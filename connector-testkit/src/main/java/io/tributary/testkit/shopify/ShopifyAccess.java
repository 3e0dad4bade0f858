package io.tributary.testkit.shopify;

import io.tributary.testkit.leaks.CredentialWatch;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call the fake shop: access tokens with their scopes and, for tokens issued by the client credentials
 * grant, an expiry (on the fake's clock). One Dev Dashboard app (client id and secret) can mint tokens.
 */
final class ShopifyAccess {
    static final Set<String> ALL_SCOPES = Set.of("read_products", "read_orders", "read_all_orders");
    private static final SecureRandom RANDOM = new SecureRandom();

    record Grant(Set<String> scopes, Instant expiresAt) {}

    private final Clock clock;
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final String clientId = hex(16);
    private final String clientSecret = CredentialWatch.secret("shpss_" + hex(16));
    private volatile Set<String> appScopes = ALL_SCOPES;
    private volatile Duration lifetime = Duration.ofSeconds(86_399);
    private volatile int issued;

    ShopifyAccess(Clock clock) {
        this.clock = clock;
    }

    /** A token that does not expire, as an admin-created custom app's. */
    String staticToken(Set<String> scopes) {
        String token = CredentialWatch.secret("shpat_" + hex(16));
        tokens.put(token, new Grant(Set.copyOf(scopes), null));
        return token;
    }

    /** The grant of a valid token, or null for an unknown, revoked or expired one. */
    Grant grant(String token) {
        Grant grant = token == null ? null : tokens.get(token);
        if (grant == null || (grant.expiresAt() != null && !clock.instant().isBefore(grant.expiresAt()))) {
            return null;
        }
        return grant;
    }

    /** The client credentials grant: a new token for the app, or null when the id or secret is wrong. */
    String clientCredentials(String id, String secret) {
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            return null;
        }
        String token = CredentialWatch.secret("shpat_" + hex(16));
        tokens.put(token, new Grant(appScopes, clock.instant().plus(lifetime)));
        issued++;
        return token;
    }

    void revokeAll() {
        tokens.clear();
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    Set<String> appScopes() {
        return appScopes;
    }

    void appScopes(Set<String> scopes) {
        appScopes = Set.copyOf(scopes);
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration value) {
        lifetime = value;
    }

    int issued() {
        return issued;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
