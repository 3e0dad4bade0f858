package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * The bearer token of one connection: the {@code ak_} API key itself, or an OAuth2 access token bought with the
 * API app's identifier and secret ({@code POST /oauth2/token}, client credentials, HTTP Basic, scope
 * {@code deliveries}) and kept until shortly before it expires. Tells a wrong identifier or secret
 * ({@code invalid_client}) from a scope the app lacks ({@code invalid_scope}). Used by one thread at a time.
 */
final class CoopCycleTokens {
    /** The scope reading a store's deliveries and creating deliveries needs. */
    static final String SCOPE = "deliveries";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Pattern HINTED_SCOPE = Pattern.compile("`([^`]+)` scope");

    private final CoopCycleSettings settings;
    private final Clock clock;
    private Secret bearer;
    private Instant renewAt;

    CoopCycleTokens(CoopCycleSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (settings.mode() == CoopCycleAuthMode.API_KEY) {
            bearer = settings.identifier();
        }
    }

    /** The token to send now; {@link #ensure} must have run. */
    Secret current() {
        if (bearer == null) {
            throw new IllegalStateException("no CoopCycle token yet: ensure() first");
        }
        return bearer;
    }

    /** Whether a 401 may be cured by buying a new token. */
    boolean renewable() {
        return settings.mode() == CoopCycleAuthMode.OAUTH2;
    }

    /** Makes sure a token that is not about to expire is at hand, buying one if needed. */
    void ensure(HttpSession session) {
        if (renewable() && (bearer == null || !clock.instant().isBefore(renewAt))) {
            buy(session);
        }
    }

    /** Buys a new token after the server refused the current one. */
    void renew(HttpSession session) {
        if (renewable()) {
            bearer = null;
            buy(session);
        }
    }

    private void buy(HttpSession session) {
        Request request = new Request.Builder().url(settings.site().token())
                .header("Authorization", Credentials.basic(settings.identifier().reveal(),
                        settings.secret() == null ? "" : settings.secret().reveal()))
                .header("Accept", "application/json")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("scope", SCOPE).build())
                .tag(CoopCycleAuth.Anonymous.class, CoopCycleAuth.Anonymous.INSTANCE)
                .build();
        HttpAnswer answer = session.send(request);
        if (!answer.successful()) {
            throw refusal(answer);
        }
        JsonNode json = Json.parse(answer);
        String token = Json.text(json, "access_token");
        if (token == null) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered without an "
                    + "access_token: this is not CoopCycle's OAuth2 token endpoint.", answer.status(), null);
        }
        Duration lifetime = json.path("expires_in").canConvertToLong() && json.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(json.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Duration margin = lifetime.dividedBy(2).compareTo(MARGIN) < 0 ? lifetime.dividedBy(2) : MARGIN;
        bearer = Secret.of(token);
        renewAt = clock.instant().plus(lifetime).minus(margin);
    }

    /** Why the token endpoint said no, in CoopCycle's terms. */
    private static ConnectorException refusal(HttpAnswer answer) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return HttpFailures.forStatus(answer, "asking CoopCycle for an access token");
        }
        if (answer.looksLikeHtml() || status == 404 || status == 405) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP " + status
                    + (answer.looksLikeHtml() ? " with an HTML page" : "") + " where CoopCycle's OAuth2 token "
                    + "endpoint should be: the URL does not lead to a CoopCycle instance.", status, null);
        }
        JsonNode json = parseQuietly(answer);
        String error = json == null ? null : Json.text(json, "error");
        String hint = json == null ? null : Json.text(json, "hint");
        if (status == 401 || "invalid_client".equals(error)) {
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, "CoopCycle rejected the API app's identifier "
                    + "or secret (invalid_client): check both in CoopCycle's admin, under the store's API apps.",
                    status, null);
        }
        if ("invalid_scope".equals(error)) {
            String scope = SCOPE;
            Matcher matcher = HINTED_SCOPE.matcher(hint == null ? "" : hint);
            if (matcher.find()) {
                scope = matcher.group(1);
            }
            return new ConnectorException(FailureKind.FORBIDDEN, "The CoopCycle API app may not use the scope '"
                    + scope + "' (invalid_scope), which Tributary needs to read and create the store's deliveries: "
                    + "give the app the " + scope + " scope in CoopCycle's admin.", status, null);
        }
        if ("unauthorized_client".equals(error) || "unsupported_grant_type".equals(error)) {
            return new ConnectorException(FailureKind.FORBIDDEN, "CoopCycle does not let this API app use client "
                    + "credentials (" + error + "): create an OAuth API app for the store, or use an ak_ API key.",
                    status, null);
        }
        return new ConnectorException(FailureKind.BAD_CREDENTIALS, "CoopCycle refused the token request (HTTP "
                + status + (error == null ? "" : ", " + error) + ").", status, null);
    }

    private static JsonNode parseQuietly(HttpAnswer answer) {
        try {
            return Json.parse(answer);
        } catch (ConnectorException notJson) {
            return null;
        }
    }
}
