package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Secret;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls Magento's REST API and turns its answers into JSON, or into failures that say what is wrong in
 * Magento's own terms. In admin mode it signs in first ({@code POST integration/admin/token}, sent once and
 * never repeated after a refusal: Magento locks the account after 6 failed sign-ins), keeps the token, renews it
 * before it expires, and signs in once more when Magento refuses a token that had been working — then repeats
 * the refused call once.
 */
final class MagentoClient {
    /** A list answer: the items and Magento's {@code total_count}. */
    record Listing(List<JsonNode> items, long totalCount) {}

    private static final MediaType JSON = MediaType.get("application/json");

    private final MagentoSite site;
    private final HttpSession session;
    private final MagentoCredentials credentials;
    private final MagentoAdminTokens tokens;
    private final MagentoFailures failures;

    MagentoClient(MagentoSite site, HttpSession session, MagentoCredentials credentials, MagentoAdminTokens tokens) {
        this.site = requireNonNull(site, "site is null");
        this.session = requireNonNull(session, "session is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.tokens = credentials.mode() == MagentoAuthMode.ADMIN ? requireNonNull(tokens, "tokens is null") : null;
        this.failures = new MagentoFailures(site, credentials.mode());
    }

    MagentoSite site() {
        return site;
    }

    MagentoAuthMode mode() {
        return credentials.mode();
    }

    /** The admin token's expiry, when in admin mode and signed in. */
    java.time.Instant adminTokenExpiry() {
        return tokens == null ? null : tokens.expiresAt();
    }

    /** GETs {@code path}; {@code what} says what for failure messages ("listing products"). */
    JsonNode get(String path, MagentoQuery query, String what) {
        HttpUrl.Builder url = site.endpoint(path);
        if (query != null && query.encoded() != null) {
            url.encodedQuery(query.encoded());
        }
        return Json.parse(authenticatedGet(url.build(), what));
    }

    /** A searchCriteria list: the items and {@code total_count}; anything else is not Magento. */
    Listing list(String path, MagentoQuery query, String what) {
        JsonNode body = get(path, query, what);
        JsonNode items = body.path("items");
        JsonNode total = body.path("total_count");
        if (!body.isObject() || !total.canConvertToLong() || !(items.isArray() || items.isMissingNode())) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "GET " + site.display() + "/" + path + " answered "
                    + "with JSON that is not a Magento search result while " + what + ": this is not Magento's REST API.",
                    200, null);
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return new Listing(list, total.asLong());
    }

    private HttpAnswer authenticatedGet(HttpUrl url, String what) {
        boolean fresh = ensureToken();
        HttpAnswer answer = session.get(url);
        if (answer.status() == 401 && tokens != null && !fresh) {
            tokens.discard(); // expired early, revoked, or the user was saved: one new sign-in, one more try
            fresh = ensureToken();
            answer = session.get(url);
        }
        if (!answer.successful()) {
            throw failures.forAnswer(answer, what, fresh);
        }
        return answer;
    }

    /**
     * POSTs {@code body} as JSON to {@code path}, sent once (no retry, and no second try after a refused token: a
     * lost answer may hide a change that was made), and answers what Magento said when it succeeded.
     */
    HttpAnswer postOnce(String path, JsonNode body, String what) {
        boolean fresh = ensureToken();
        HttpAnswer answer = session.sendOnce(new Request.Builder().url(site.endpoint(path).build())
                .post(RequestBody.create(body.toString(), JSON)).build());
        if (!answer.successful()) {
            throw failures.forAnswer(answer, what, fresh);
        }
        return answer;
    }

    /** Signs in when in admin mode without a usable token; true when it did. */
    private boolean ensureToken() {
        if (tokens == null || tokens.usable() != null) {
            return false;
        }
        if (tokens.refusal() != null) {
            throw tokens.refusal();
        }
        MagentoCredentials.Admin admin = (MagentoCredentials.Admin) credentials;
        String body = Json.mapper().createObjectNode().put("username", admin.username().reveal())
                .put("password", admin.password().reveal()).toString();
        Request request = new Request.Builder().url(site.endpoint("integration/admin/token").build())
                .post(RequestBody.create(body, JSON)).tag(MagentoAdminTokens.SignIn.class, MagentoAdminTokens.SignIn.INSTANCE)
                .build();
        HttpAnswer answer = session.sendOnce(request);
        if (!answer.successful()) {
            ConnectorException failure = failures.forSignIn(answer);
            if (!failure.retriable()) {
                tokens.refused(failure);
            }
            throw failure;
        }
        JsonNode token = Json.parse(answer);
        if (!token.isTextual() || token.asText().isBlank()) {
            throw failures.forSignInAnswer(answer, token);
        }
        tokens.issued(Secret.of(token.asText()));
        return true;
    }
}
