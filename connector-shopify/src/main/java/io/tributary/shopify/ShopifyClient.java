package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RetriableConnectorException;
import io.tributary.spi.Secret;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends GraphQL to the shop's Admin API at the pinned version and reads the answers. Mints the token first in
 * client-credentials mode, and once more when Shopify refuses a kept one. Waits for the cost bucket before each
 * query, and when Shopify answers THROTTLED waits for the restore rate and asks again (in a verification it reports
 * RATE_LIMITED instead). HTTP 429 and 5xx are retried by the shared HTTP stack, honouring {@code Retry-After}.
 */
final class ShopifyClient {
    private static final MediaType JSON = MediaType.get("application/json");
    /** THROTTLED answers in a row a sync waits out before it gives up. */
    static final int MAX_THROTTLED = 30;

    private final ShopifyShop shop;
    private final ShopifyApiVersion version;
    private final HttpSession session;
    private final ShopifyCredentials credentials;
    private final ShopifyTokens tokens;
    private final ShopifyThrottle throttle;
    private final ShopifyFailures failures;
    private final boolean verification;
    private volatile String servedVersion;

    ShopifyClient(ShopifyShop shop, ShopifyApiVersion version, HttpSession session, ShopifyCredentials credentials,
            ShopifyTokens tokens, ShopifyThrottle throttle, boolean verification) {
        this.shop = requireNonNull(shop, "shop is null");
        this.version = requireNonNull(version, "version is null");
        this.session = requireNonNull(session, "session is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.failures = new ShopifyFailures(shop, credentials.mode());
        this.verification = verification;
    }

    ShopifyShop shop() {
        return shop;
    }

    ShopifyApiVersion version() {
        return version;
    }

    ShopifyAuthMode mode() {
        return credentials.mode();
    }

    ShopifyThrottle throttle() {
        return throttle;
    }

    HttpSession session() {
        return session;
    }

    /** The version Shopify said it served ({@code X-Shopify-API-Version}), or null before the first answer. */
    String servedVersion() {
        return servedVersion;
    }

    Instant tokenExpiry() {
        return tokens.expiresAt();
    }

    /**
     * Runs a query; the answer may carry GraphQL errors other than THROTTLED. {@code cost} is what the query is
     * expected to request, for pacing.
     */
    ShopifyAnswer query(String query, ObjectNode variables, int cost, String what) {
        for (int throttled = 0; ; throttled++) {
            if (!verification) {
                throttle.pace(cost);
            }
            ShopifyAnswer answer = post(query, variables, what);
            if (!answer.has("THROTTLED") || costlierThanTheBucket(answer)) {
                return answer; // a query the bucket can never hold is the caller's to make smaller
            }
            if (verification || throttled >= MAX_THROTTLED) {
                throw throttledFailure(answer, what, cost);
            }
            throttle.sleep(throttle.waitFor(answer.cost().path("requestedQueryCost").asInt(cost))
                    .plusMillis(50));
        }
    }

    /** {@link #query}, failing on any GraphQL error: a missing scope as FORBIDDEN, anything else as SERVER_ERROR. */
    JsonNode data(String query, ObjectNode variables, int cost, String what) {
        ShopifyAnswer answer = query(query, variables, cost, what);
        if (answer.hasErrors()) {
            throw failure(answer, what);
        }
        return answer.data();
    }

    /** The failure for an answer with GraphQL errors: a missing scope is FORBIDDEN, anything else SERVER_ERROR. */
    static ConnectorException failure(ShopifyAnswer answer, String what) {
        if (answer.has("ACCESS_DENIED")) {
            return new ConnectorException(FailureKind.FORBIDDEN, "Shopify refused " + what + ": "
                    + String.join(" ", answer.messages("ACCESS_DENIED")) + " Add the scope to the app and reinstall "
                    + "it (or, for a Dev Dashboard app, release a version with it).", 200, null);
        }
        return new ConnectorException(FailureKind.SERVER_ERROR, "Shopify answered " + what + " with errors: "
                + String.join(" ", answer.messages(null)), 200, null);
    }

    private static boolean costlierThanTheBucket(ShopifyAnswer answer) {
        JsonNode cost = answer.cost();
        return cost.path("requestedQueryCost").asDouble(0)
                > cost.path("throttleStatus").path("maximumAvailable").asDouble(Double.MAX_VALUE);
    }

    private ShopifyAnswer post(String query, ObjectNode variables, String what) {
        boolean fresh = ensureToken();
        HttpAnswer http = session.send(graphQlRequest(query, variables));
        if (http.status() == 401 && credentials.mode() == ShopifyAuthMode.CLIENT_CREDENTIALS && !fresh) {
            tokens.discard(); // revoked or expired early: mint once more and ask once more
            ensureToken();
            http = session.send(graphQlRequest(query, variables));
        }
        if (http.status() != 200) {
            throw failures.forAnswer(http, what);
        }
        http.header("X-Shopify-API-Version").ifPresent(v -> servedVersion = v);
        JsonNode body = Json.parse(http);
        if (!body.isObject() || !(body.has("data") || body.has("errors"))) {
            throw failures.notGraphQl(http);
        }
        JsonNode cost = body.path("extensions").path("cost");
        throttle.observe(cost);
        JsonNode errors = body.path("errors");
        if (errors.isTextual()) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, http.where() + " answered " + what + " with the "
                    + "error \"" + io.tributary.http.Excerpt.of(errors.asText(), 160) + "\".", 200, null);
        }
        return new ShopifyAnswer(body.path("data"), errors.isArray() ? errors : Json.mapper().createArrayNode(), cost,
                http);
    }

    private Request graphQlRequest(String query, ObjectNode variables) {
        ObjectNode body = Json.mapper().createObjectNode().put("query", query);
        body.set("variables", variables == null ? Json.mapper().createObjectNode() : variables);
        return new Request.Builder().url(shop.graphQl(version.name())).post(RequestBody.create(body.toString(), JSON))
                .header("Accept", "application/json").build();
    }

    private ConnectorException throttledFailure(ShopifyAnswer answer, String what, int cost) {
        JsonNode status = answer.cost().path("throttleStatus");
        long seconds = Math.max(1, throttle.waitFor(answer.cost().path("requestedQueryCost").asInt(cost))
                .plusMillis(999).toSeconds());
        String bucket = status.isMissingNode() ? "" : " (" + status.path("currentlyAvailable").asInt() + " of "
                + status.path("maximumAvailable").asInt() + " points left, " + status.path("restoreRate").asInt()
                + " restored per second)";
        String sentence = "Shopify throttled " + what + bucket + ": other requests of this app use up the shop's "
                + "rate limit; try again in about " + seconds + " s.";
        return new RetriableConnectorException(FailureKind.RATE_LIMITED, sentence, 200, null);
    }

    /** Mints a token in client-credentials mode when there is no usable one; true when it did. */
    private boolean ensureToken() {
        if (tokens.usable() != null) {
            return false;
        }
        if (tokens.refusal() != null) {
            throw tokens.refusal();
        }
        if (!(credentials instanceof ShopifyCredentials.ClientCredentials app)) {
            throw new IllegalStateException("a token connection always has its token");
        }
        Request request = new Request.Builder().url(shop.tokenEndpoint()).post(new FormBody.Builder()
                .add("grant_type", "client_credentials").add("client_id", app.clientId().reveal())
                .add("client_secret", app.clientSecret().reveal()).build())
                .header("Accept", "application/json").tag(ShopifyTokens.Mint.class, ShopifyTokens.Mint.INSTANCE).build();
        HttpAnswer answer = session.sendOnce(request);
        JsonNode body = answer.looksLikeHtml() || answer.body().isBlank() ? null : parseQuietly(answer);
        if (answer.status() != 200) {
            ConnectorException failure = failures.forMint(answer, body);
            if (failure.kind() == FailureKind.BAD_CREDENTIALS) {
                tokens.refused(failure);
            }
            throw failure;
        }
        if (body == null) {
            Json.parse(answer); // an HTML page is NOT_THIS_SYSTEM, malformed JSON a SERVER_ERROR
            throw failures.notGraphQl(answer);
        }
        String token = body.path("access_token").asText("");
        if (token.isBlank()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered without an "
                    + "access_token: this is not Shopify's client credentials grant.", 200, null);
        }
        long seconds = body.path("expires_in").canConvertToLong() ? body.path("expires_in").asLong() : 86_399;
        tokens.minted(Secret.of(token), Duration.ofSeconds(Math.max(60, seconds)));
        return true;
    }

    private static JsonNode parseQuietly(HttpAnswer answer) {
        try {
            return Json.mapper().readTree(answer.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
