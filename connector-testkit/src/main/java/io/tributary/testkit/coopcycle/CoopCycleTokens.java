package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.QueryString;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.leaks.CredentialWatch;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth2 token endpoint as league/oauth2-server 8.5 answers it (client credentials only, client
 * authentication by HTTP Basic or {@code client_id}/{@code client_secret} form fields, the body winning; default
 * scope {@code deliveries}), and bearer authentication of {@code /api} requests by such a token or an {@code ak_}
 * API key, failing as Lexik's JWT authenticator does.
 */
final class CoopCycleTokens {
    /** Who a request to {@code /api} is, or the answer that refuses it. */
    record Caller(CoopCycleApp app, Set<String> scopes, FakeResponse refusal) {
        boolean may(String scope) {
            return app.isApiKey() || scopes.contains(scope);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final CoopCycleState state;

    CoopCycleTokens(CoopCycleState state) {
        this.state = state;
    }

    FakeResponse token(RecordedRequest request) {
        Map<String, List<String>> form = QueryString.parse(request.bodyAsString());
        String grant = first(form, "grant_type");
        String[] basic = basic(request).orElse(null);
        String clientId = first(form, "client_id") != null ? first(form, "client_id") : basic == null ? null : basic[0];
        String secret = first(form, "client_secret") != null ? first(form, "client_secret")
                : basic == null ? null : basic[1];
        if (grant == null) {
            return oauthError(400, "invalid_request", "The request is missing a required parameter, includes an "
                    + "invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
                    "Check the `grant_type` parameter");
        }
        if (!grant.equals("client_credentials")) {
            return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the "
                    + "authorization server.", "Check that all required parameters have been provided");
        }
        Optional<CoopCycleApp> app = clientId == null ? Optional.empty()
                : state.read(() -> state.appByClientId(clientId));
        if (app.isEmpty() || secret == null || !app.get().clientSecret().equals(secret)) {
            FakeResponse refused = oauthError(401, "invalid_client", "Client authentication failed", null);
            return request.header("Authorization").isPresent()
                    ? refused.withHeader("WWW-Authenticate", "Basic realm=\"OAuth\"") : refused;
        }
        String asked = first(form, "scope");
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : (asked == null || asked.isBlank() ? "deliveries" : asked).trim().split("\\s+")) {
            if (!CoopCycleApp.SERVER_SCOPES.contains(scope) || !app.get().scopes().contains(scope)) {
                return oauthError(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed",
                        "Check the `" + scope + "` scope");
            }
            scopes.add(scope);
        }
        String token = CredentialWatch.secret(newToken());
        long ttl = state.write(() -> {
            state.tokens.put(token, new CoopCycleState.Token(token, app.get(), scopes,
                    state.clock().instant().plus(state.tokenTtl)));
            return state.tokenTtl.toSeconds();
        });
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("token_type", "Bearer");
        json.put("expires_in", ttl);
        json.put("access_token", token);
        return CoopCycleJson.json(200, json).withHeader("Cache-Control", "no-store, private");
    }

    /** Authenticates a request to {@code /api/...}. */
    Caller authenticate(RecordedRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Caller(null, Set.of(), CoopCycleJson.unauthorized("JWT Token not found"));
        }
        String value = header.substring(7).trim();
        return state.read(() -> {
            if (value.startsWith("ak_")) {
                return state.appByApiKey(value).map(app -> new Caller(app, Set.of(), null))
                        .orElse(new Caller(null, Set.of(), CoopCycleJson.unauthorized("Invalid API key")));
            }
            CoopCycleState.Token token = state.tokens.get(value);
            if (token == null) {
                return new Caller(null, Set.of(), CoopCycleJson.unauthorized("Invalid JWT Token"));
            }
            if (!state.clock().instant().isBefore(token.expiresAt())) {
                return new Caller(null, Set.of(), CoopCycleJson.unauthorized("Expired JWT Token"));
            }
            return new Caller(token.app(), token.scopes(), null);
        });
    }

    private static FakeResponse oauthError(int status, String error, String description, String hint) {
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("error", error);
        json.put("error_description", description);
        if (hint != null) {
            json.put("hint", hint);
        }
        json.put("message", description);
        return CoopCycleJson.json(status, json);
    }

    private static Optional<String[]> basic(RecordedRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
