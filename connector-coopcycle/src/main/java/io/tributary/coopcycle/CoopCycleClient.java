package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls CoopCycle's API with the connection's bearer token (bought again once when the server refuses it) and
 * turns unexpected answers into failures worded in CoopCycle's terms.
 */
final class CoopCycleClient {
    private static final MediaType LD_JSON = MediaType.get("application/ld+json");
    private final CoopCycleSite site;
    private final HttpSession session;
    private final CoopCycleTokens tokens;
    private final CoopCycleAuthMode mode;

    CoopCycleClient(CoopCycleSite site, HttpSession session, CoopCycleTokens tokens, CoopCycleAuthMode mode) {
        this.site = requireNonNull(site, "site is null");
        this.session = requireNonNull(session, "session is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.mode = requireNonNull(mode, "mode is null");
    }

    CoopCycleSite site() {
        return site;
    }

    HttpSession session() {
        return session;
    }

    /** The public entry point, fetched without credentials; any answer comes back. */
    HttpAnswer entryPoint() {
        return session.send(new Request.Builder().url(site.entryPoint()).header("Accept", "application/ld+json")
                .get().tag(CoopCycleAuth.Anonymous.class, CoopCycleAuth.Anonymous.INSTANCE).build());
    }

    /**
     * The instance's country from its public settings ({@code GET /api/settings}, no credentials): the region
     * CoopCycle reads phone numbers in. Null when the instance does not say (an older one, an error): nothing
     * depends on it but the reading of a phone typed without its country code.
     */
    String instanceCountry() {
        try {
            HttpAnswer answer = session.send(new Request.Builder().url(site.settings())
                    .header("Accept", "application/json").get()
                    .tag(CoopCycleAuth.Anonymous.class, CoopCycleAuth.Anonymous.INSTANCE).build());
            return answer.successful() && !answer.looksLikeHtml() ? Json.text(Json.parse(answer), "country") : null;
        } catch (ConnectorException unavailable) {
            return null;
        }
    }

    /** Makes sure a token is at hand (buys one in OAuth2 mode); failures say what is wrong with the credentials. */
    void authenticate() {
        tokens.ensure(session);
    }

    /** An authenticated GET that succeeded, as JSON; {@code what} names it for messages ("listing deliveries"). */
    JsonNode get(HttpUrl url, String what) {
        Request request = new Request.Builder().url(url).header("Accept", "application/ld+json").get().build();
        HttpAnswer answer = authenticated(request, false);
        if (!answer.successful()) {
            throw failure(answer, what);
        }
        return Json.parse(answer);
    }

    /**
     * POSTs JSON exactly once (a 401 before anything was created is retried once with a new token) and returns the
     * answer, whatever it is: the caller reads refusals from it.
     */
    HttpAnswer postOnce(HttpUrl url, JsonNode body) {
        Request request = new Request.Builder().url(url).header("Accept", "application/ld+json")
                .post(RequestBody.create(body.toString(), LD_JSON)).build();
        return authenticated(request, true);
    }

    private HttpAnswer authenticated(Request request, boolean once) {
        tokens.ensure(session);
        HttpAnswer answer = once ? session.sendOnce(request) : session.send(request);
        if (answer.status() == 401 && tokens.renewable()) {
            tokens.renew(session);
            answer = once ? session.sendOnce(request) : session.send(request);
        }
        return answer;
    }

    /** A failure for an answer that did not succeed, worded after CoopCycle's own error. */
    ConnectorException failure(HttpAnswer answer, String what) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return HttpFailures.forStatus(answer, what);
        }
        if (answer.looksLikeHtml()) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP " + status
                    + " with an HTML page while " + what + ": the URL does not lead to a CoopCycle API.", status, null);
        }
        String reason = reason(answer);
        if (status == 401) {
            String sentence = mode == CoopCycleAuthMode.API_KEY
                    ? "CoopCycle does not accept this API key (" + reason + "): it was revoked or belongs to another "
                            + "instance."
                    : "CoopCycle refused the access token it had just issued (" + reason + ").";
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, sentence, status, null);
        }
        if (status == 403) {
            return new ConnectorException(FailureKind.FORBIDDEN, "CoopCycle denied " + what + " (HTTP 403, " + reason
                    + "): the API app belongs to another store or lacks the deliveries scope.", status, null);
        }
        if (status == 404) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " does not exist (HTTP 404) "
                    + "while " + what + ": is this a CoopCycle instance?", status, null);
        }
        return new ConnectorException(FailureKind.SERVER_ERROR, "CoopCycle answered HTTP " + status + " while " + what
                + " (" + reason + ").", status, null);
    }

    /** The message of a JSON-LD error, a Lexik error or a plain one; "no details" when there is none. */
    static String reason(HttpAnswer answer) {
        try {
            JsonNode json = Json.parse(answer);
            for (String field : new String[] {"hydra:description", "detail", "message", "error_description"}) {
                String text = Json.text(json, field);
                if (text != null) {
                    return oneLine(text);
                }
            }
        } catch (ConnectorException notJson) {
            // fall through
        }
        return "no details";
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\n\\s*", "; ").trim();
        return Excerpt.of(line, 300);
    }
}
