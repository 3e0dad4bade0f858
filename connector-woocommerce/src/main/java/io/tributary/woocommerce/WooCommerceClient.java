package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Calls WooCommerce's REST API v3 and turns its answers into JSON or into failures that say what is wrong in
 * WooCommerce's own terms (its error codes tell a bad secret from an unknown key from a missing permission).
 */
final class WooCommerceClient {
    /** A list answer: the items and the total WooCommerce reports in {@code X-WP-Total}. */
    record Listing(JsonNode items, Long total) {}

    private final WooCommerceSite site;
    private final HttpSession session;
    private final WooCommerceAuth auth;
    private final boolean autoMode;
    private volatile boolean authorizationStripped;

    WooCommerceClient(WooCommerceSite site, HttpSession session, WooCommerceAuth auth, boolean autoMode) {
        this.site = requireNonNull(site, "site is null");
        this.session = requireNonNull(session, "session is null");
        this.auth = requireNonNull(auth, "auth is null");
        this.autoMode = autoMode;
    }

    WooCommerceSite site() {
        return site;
    }

    WooCommerceAuthMode authMode() {
        return auth.mode();
    }

    /** Whether the server was seen to drop the Authorization header (so query parameters are used). */
    boolean authorizationStripped() {
        return authorizationStripped;
    }

    /** See {@link HttpSession#inParallel}. */
    <T> java.util.List<T> inParallel(java.util.List<? extends java.util.function.Supplier<T>> calls, int maxInFlight) {
        return session.inParallel(calls, maxInFlight);
    }

    /** The namespace index, fetched without credentials. */
    HttpAnswer index() {
        return session.send(new Request.Builder().url(site.index()).get()
                .tag(WooCommerceAuth.Anonymous.class, WooCommerceAuth.Anonymous.INSTANCE).build());
    }

    /**
     * The site's time zone from WordPress's public root index ({@code timezone_string}, else the fixed
     * {@code gmt_offset}); empty when the index cannot tell.
     */
    java.util.Optional<java.time.ZoneId> siteZone() {
        HttpUrl root = site.siteUrl().newBuilder().addPathSegments("wp-json/").build();
        try {
            HttpAnswer answer = session.send(new Request.Builder().url(root).get()
                    .tag(WooCommerceAuth.Anonymous.class, WooCommerceAuth.Anonymous.INSTANCE).build());
            if (!answer.successful()) {
                return java.util.Optional.empty();
            }
            JsonNode index = Json.parse(answer);
            String zone = index.path("timezone_string").asText("");
            if (!zone.isBlank()) {
                return java.util.Optional.of(java.time.ZoneId.of(zone));
            }
            if (index.path("gmt_offset").isNumber()) {
                int seconds = (int) Math.round(index.path("gmt_offset").asDouble() * 3600);
                return java.util.Optional.of(java.time.ZoneOffset.ofTotalSeconds(seconds));
            }
        } catch (ConnectorException | java.time.DateTimeException e) {
            if (e instanceof ConnectorException failure && failure.retriable()) {
                throw failure;
            }
        }
        return java.util.Optional.empty();
    }

    /** GETs {@code path} with {@code parameters}; {@code what} says what for failure messages ("listing products"). */
    Listing list(String path, Map<String, String> parameters, String what) {
        HttpAnswer answer = authenticatedGet(url(path, parameters), what);
        JsonNode items = Json.parse(answer);
        if (!items.isArray()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered with JSON that is "
                    + "not a list while " + what + ": this is not a WooCommerce REST API.", answer.status(), null);
        }
        Long total = answer.header("X-WP-Total").map(WooCommerceClient::parseLong).orElse(null);
        return new Listing(items, total);
    }

    JsonNode get(String path, Map<String, String> parameters, String what) {
        return Json.parse(authenticatedGet(url(path, parameters), what));
    }

    /**
     * PUTs {@code body} as JSON to {@code path}, sent once (no retry: a lost answer may hide a change that was
     * made), and answers what WooCommerce said when it succeeded.
     */
    HttpAnswer putOnce(String path, JsonNode body, String what) {
        return sendOnce("PUT", path, body, what);
    }

    /** POSTs {@code body} as JSON to {@code path}, sent once, as {@link #putOnce} does. */
    HttpAnswer postOnce(String path, JsonNode body, String what) {
        return sendOnce("POST", path, body, what);
    }

    private HttpAnswer sendOnce(String method, String path, JsonNode body, String what) {
        HttpAnswer answer = session.sendOnce(new Request.Builder().url(url(path, Map.of()))
                .method(method, okhttp3.RequestBody.create(body.toString(), okhttp3.MediaType.get("application/json")))
                .build());
        if (!answer.successful()) {
            throw failure(answer, what);
        }
        return answer;
    }

    private HttpUrl url(String path, Map<String, String> parameters) {
        HttpUrl.Builder builder = site.endpoint(path);
        parameters.forEach(builder::addQueryParameter);
        return builder.build();
    }

    /**
     * An authenticated GET that succeeded. In auto mode over https, an answer that treats the request as
     * anonymous is tried once more with the credentials as query parameters: if that works, the server strips
     * the Authorization header and query parameters are used from then on.
     */
    private HttpAnswer authenticatedGet(HttpUrl url, String what) {
        HttpAnswer answer = session.get(url);
        if (autoMode && auth.mode() == WooCommerceAuthMode.BASIC && treatedAsAnonymous(answer)) {
            auth.switchTo(WooCommerceAuthMode.QUERY);
            HttpAnswer retried = session.get(url);
            if (retried.successful()) {
                authorizationStripped = true;
                return retried;
            }
            auth.switchTo(WooCommerceAuthMode.BASIC);
        }
        if (!answer.successful()) {
            throw failure(answer, what);
        }
        return answer;
    }

    private static boolean treatedAsAnonymous(HttpAnswer answer) {
        return answer.status() == 401
                && WooCommerceError.of(answer).map(e -> e.is(WooCommerceError.CANNOT_VIEW)).orElse(false);
    }

    /** A failure for an answer that did not succeed, worded after WooCommerce's error code. */
    ConnectorException failure(HttpAnswer answer, String what) {
        int status = answer.status();
        WooCommerceError error = WooCommerceError.of(answer).orElse(null);
        if (status == 429 || status >= 500) {
            return HttpFailures.forStatus(answer, what);
        }
        if (error == null) {
            if (answer.looksLikeHtml()) {
                return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP " + status
                        + " with an HTML page while " + what + ": the URL does not lead to a WooCommerce REST API.",
                        status, null);
            }
            return HttpFailures.forStatus(answer, what);
        }
        if (status == 401) {
            return new ConnectorException(kindOf401(error), sentenceFor401(error), status, null);
        }
        if (status == 403) {
            String who = error.is(WooCommerceError.CANNOT_VIEW)
                    ? "WooCommerce refused " + what + ": the WordPress user the consumer key belongs to lacks the "
                            + "permission (" + error.message() + "). Give the key to a user with the Shop manager or "
                            + "Administrator role."
                    : "WooCommerce refused " + what + " (HTTP 403, " + error.code() + ": " + error.message() + ").";
            return new ConnectorException(FailureKind.FORBIDDEN, who, status, null);
        }
        if (status == 404 && error.is(WooCommerceError.NO_ROUTE)) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "WordPress has no WooCommerce route for "
                    + answer.where() + ": is WooCommerce active on this site?", status, null);
        }
        return new ConnectorException(FailureKind.SERVER_ERROR, "WooCommerce answered HTTP " + status + " while "
                + what + " (" + error.code() + ": " + error.message() + ").", status, null);
    }

    private static FailureKind kindOf401(WooCommerceError error) {
        String message = error.message().toLowerCase(Locale.ROOT);
        return message.contains("does not have read permissions") || message.contains("does not have write permissions")
                ? FailureKind.FORBIDDEN : FailureKind.BAD_CREDENTIALS;
    }

    private String sentenceFor401(WooCommerceError error) {
        String message = error.message().toLowerCase(Locale.ROOT);
        if (error.is(WooCommerceError.CANNOT_VIEW)) {
            return switch (auth.mode()) {
                case OAUTH1 -> "WooCommerce treated the request as anonymous (" + error.message() + "): the site does "
                        + "not accept OAuth here; if it is served over https, use the https:// address.";
                default -> "WooCommerce treated the request as anonymous (" + error.message() + "): the consumer key "
                        + "is unknown or revoked, or the site does not see the request as https (a proxy ending TLS "
                        + "without telling WordPress).";
            };
        }
        if (error.is(WooCommerceError.MISSING_PARAMETER)) {
            return "WooCommerce got incomplete credentials: " + error.message();
        }
        if (message.contains("read permissions")) {
            return "The consumer key may not read: in WooCommerce > Settings > Advanced > REST API give it Read or "
                    + "Read/Write permission.";
        }
        if (message.contains("write permissions")) {
            return "The consumer key may only read: in WooCommerce > Settings > Advanced > REST API give it Read/Write "
                    + "permission.";
        }
        if (message.contains("consumer secret is invalid")) {
            return "WooCommerce rejected the consumer secret: it does not belong to this consumer key.";
        }
        if (message.contains("consumer key is invalid")) {
            return "WooCommerce does not know this consumer key: it was revoked or belongs to another site.";
        }
        if (message.contains("signature")) {
            return "WooCommerce rejected the OAuth signature: check the consumer secret, and that the URL is exactly "
                    + "the shop's WordPress address (http or https, with or without www).";
        }
        if (message.contains("timestamp")) {
            return "WooCommerce rejected the request time: this machine's clock and the shop's differ by more than "
                    + "15 minutes.";
        }
        if (message.contains("nonce")) {
            return "WooCommerce rejected a reused OAuth nonce; try again.";
        }
        return "WooCommerce refused the credentials (" + error.code() + ": " + error.message() + ").";
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
