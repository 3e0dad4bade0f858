package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.testkit.SeedWindow;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.leaks.CredentialWatch;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a request is, as Magento's web API decides it: an admin user with a token from
 * {@code POST /V1/integration/admin/token} (brute-force lock after 6 failures for 30 minutes, 2FA, JWT or
 * opaque tokens that expire), an integration signing with OAuth 1.0a (consumer, token, nonce, timestamp and
 * signature checks with Magento's messages), an integration access token sent as a bearer token (only when
 * that option is on, as it is off by default since 2.4.4), or a guest. An unknown, expired or disallowed
 * bearer token makes the request a guest's — the ACL check then answers 401 "The consumer isn't authorized".
 */
final class MagentoAuthenticator {

    /** The caller of a request; {@code resources} null means every resource (Administrators, or "All"). */
    record Identity(String kind, String name, Set<String> resources) {
        boolean allows(String resource) {
            return resources == null || resources.contains(resource);
        }
    }

    record AdminUser(String username, String password, Set<String> resources) {
        AdminUser {
            CredentialWatch.secret(password);
        }
    }

    private record Integration(int consumerId, MagentoIntegration credentials, Set<String> resources, boolean active) {
    }

    private record AdminToken(String username, long expiresAt) {
    }

    private record Failures(int count, long lockedUntil) {
    }

    private static final long TIME_DEVIATION = 600;
    /** Admin tokens are JWTs (2.4.4+) living 60 minutes, the default of webapi/jwtauth/admin_expiration. */
    private static final Duration ADMIN_TOKEN_LIFETIME = Duration.ofMinutes(60);
    private static final char[] ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Clock clock;
    private final Random random;
    private final byte[] jwtKey;
    private final Map<String, AdminUser> admins = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, AdminToken> adminTokens = new ConcurrentHashMap<>();
    private final Map<String, Integration> integrations = new ConcurrentHashMap<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    volatile TwoFactorMode twoFactor = TwoFactorMode.OFF;
    volatile boolean bearerIntegrationTokens;
    volatile int maxFailures = 6;
    volatile Duration lockTimeout = Duration.ofSeconds(1800);

    MagentoAuthenticator(Clock clock, long seed) {
        this.clock = clock;
        this.random = SeedWindow.random(seed, 11);
        this.jwtKey = new byte[32];
        random.nextBytes(jwtKey);
    }

    synchronized String randomToken() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    void addAdmin(AdminUser user) {
        admins.put(user.username(), user);
    }

    void addIntegration(MagentoIntegration credentials, Set<String> resources, boolean active) {
        integrations.put(credentials.consumerKey(), new Integration(integrations.size() + 1, credentials,
                resources == null ? null : Set.copyOf(resources), active));
    }

    void revokeAdminTokens() {
        adminTokens.clear();
    }

    /** Failed sign-ins counted for a user now (0 once a lock has run out). */
    int failures(String username) {
        Failures f = failures.get(username);
        return f == null || expired(f) ? 0 : f.count();
    }

    private boolean expired(Failures f) {
        return f.lockedUntil() > 0 && clock.instant().getEpochSecond() >= f.lockedUntil();
    }

    /** {@code POST /V1/integration/admin/token}: a JSON string, or Magento's error. */
    FakeResponse adminToken(RecordedRequest request) {
        JsonNode body;
        try {
            body = MagentoJson.mapper().readTree(request.bodyAsString());
        } catch (java.io.IOException e) {
            throw new MagentoError(400, "Decoding error: \n%1", MagentoJson.NODES.arrayNode().add("Syntax error"));
        }
        String username = body == null ? "" : body.path("username").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        if (username.isEmpty()) {
            throw MagentoError.requiredInput("username");
        }
        if (password.isEmpty()) {
            throw MagentoError.requiredInput("password");
        }
        synchronized (failures) {
            Failures f = failures.get(username);
            if (f != null && expired(f)) {
                failures.remove(username);
                f = null;
            }
            if (f != null && f.count() >= maxFailures) {
                throw new MagentoError(401, MagentoError.SIGN_IN_FAILED); // locked: even the right password fails
            }
            AdminUser user = admins.get(username);
            if (user == null || !user.password().equals(password)) {
                int count = f == null ? 1 : f.count() + 1;
                long lockedUntil = count >= maxFailures ? clock.instant().getEpochSecond() + lockTimeout.toSeconds() : 0;
                failures.put(username, new Failures(count, lockedUntil));
                throw new MagentoError(401, MagentoError.SIGN_IN_FAILED);
            }
            failures.remove(username);
        }
        switch (twoFactor) {
            case REQUIRED -> throw new MagentoError(401,
                    "Please use the 2fa provider-specific endpoints to obtain a token.",
                    MagentoJson.NODES.objectNode().set("active_providers", MagentoJson.NODES.arrayNode().add("google")));
            case NOT_CONFIGURED -> throw new MagentoError(400,
                    "Please ask an administrator with sufficient access to configure 2FA first");
            default -> { }
        }
        long now = clock.instant().getEpochSecond();
        long expires = now + ADMIN_TOKEN_LIFETIME.toSeconds();
        String token = CredentialWatch.secret(jwt(username, now, expires));
        adminTokens.put(token, new AdminToken(username, expires));
        return FakeResponse.json(200, MagentoJson.bytes(TextNode.valueOf(token)));
    }

    private String jwt(String username, long issuedAt, long expiresAt) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"kid\":\"1\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        int uid = 1 + Math.floorMod(username.hashCode(), 1000);
        String payload = base64.encodeToString(("{\"uid\":" + uid + ",\"utypid\":2,\"iat\":" + issuedAt + ",\"exp\":"
                + expiresAt + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwtKey, "HmacSHA256"));
            String signature = base64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return header + "." + payload + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The caller of a request to {@code url} (the address the request was sent to, for OAuth); null for a
     * guest. Throws Magento's 400/401 for a broken OAuth request.
     */
    Identity identify(RecordedRequest request, String url) {
        String authorization = request.header("Authorization").orElse("");
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            AdminToken admin = adminTokens.get(token);
            if (admin != null && clock.instant().getEpochSecond() < admin.expiresAt()) {
                AdminUser user = admins.get(admin.username());
                return user == null ? null : new Identity("admin", user.username(), user.resources());
            }
            if (bearerIntegrationTokens) {
                for (Integration integration : integrations.values()) {
                    if (integration.credentials().accessToken().equals(token) && integration.active()) {
                        return new Identity("integration", integration.credentials().consumerKey(),
                                integration.resources());
                    }
                }
            }
            return null;
        }
        Map<String, String> oauth = MagentoOAuthSignature.headerParameters(authorization);
        if (oauth.isEmpty()) {
            return null;
        }
        Integration integration = checkOAuth(request, url, oauth);
        return integration.active() ? new Identity("integration", integration.credentials().consumerKey(),
                integration.resources()) : null;
    }

    private Integration checkOAuth(RecordedRequest request, String url, Map<String, String> oauth) {
        if (oauth.containsKey("oauth_version") && !"1.0".equals(oauth.get("oauth_version"))) {
            throw MagentoError.positional(400, "The \"%1\" Oauth version isn't supported.", oauth.get("oauth_version"));
        }
        for (String required : new String[] {"oauth_consumer_key", "oauth_signature", "oauth_signature_method",
                "oauth_nonce", "oauth_timestamp", "oauth_token"}) {
            if (!oauth.containsKey(required) || oauth.get(required).isEmpty()) {
                throw MagentoError.requiredInput(required);
            }
        }
        String consumerKey = oauth.get("oauth_consumer_key");
        if (consumerKey.length() != 32) {
            throw new MagentoError(401, "Consumer key is not the correct length");
        }
        Integration integration = integrations.get(consumerKey);
        if (integration == null) {
            throw new MagentoError(401, "A consumer having the specified key does not exist");
        }
        checkNonce(integration, oauth.get("oauth_nonce"), oauth.get("oauth_timestamp"));
        String token = oauth.get("oauth_token");
        if (token.length() != 32) {
            throw new MagentoError(401, "The token length is invalid. Check the length and try again.");
        }
        if (!integration.credentials().accessToken().equals(token)) {
            boolean someoneElses = integrations.values().stream().anyMatch(i -> i.credentials().accessToken().equals(token));
            throw new MagentoError(401, someoneElses ? "Token is not associated with the specified consumer"
                    : "Specified token does not exist");
        }
        String method = oauth.get("oauth_signature_method");
        if (!method.equals(MagentoOAuthSignature.HMAC_SHA1) && !method.equals(MagentoOAuthSignature.HMAC_SHA256)) {
            throw MagentoError.positional(400, "Signature method %1 is not supported", method);
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>(oauth);
        parameters.putAll(MagentoOAuthSignature.queryParameters(request.rawQuery()));
        String base = MagentoOAuthSignature.baseString(request.method(), url, parameters);
        String expected = MagentoOAuthSignature.sign(method, base, integration.credentials().consumerSecret(),
                integration.credentials().accessTokenSecret());
        if (!java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                oauth.get("oauth_signature").getBytes(StandardCharsets.UTF_8))) {
            throw new MagentoError(401, "The signature is invalid. Verify and try again.");
        }
        return integration;
    }

    private void checkNonce(Integration integration, String nonce, String timestampText) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            timestamp = 0;
        }
        if (timestamp <= 0 || timestamp > clock.instant().getEpochSecond() + TIME_DEVIATION) {
            throw new MagentoError(401, "Incorrect timestamp value in the oauth_timestamp parameter");
        }
        if (!nonces.add(integration.consumerId() + ":" + nonce)) {
            throw MagentoError.positional(401, "The nonce is already being used by the consumer with ID %1",
                    Integer.toString(integration.consumerId()));
        }
    }
}
