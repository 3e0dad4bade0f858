package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RetriableConnectorException;
import java.util.Optional;

/**
 * Failures worded after Magento's own answers. The sentences are part of the product: each says what is wrong
 * and what to do, names the ACL resource Magento named, and never contains a credential.
 */
final class MagentoFailures {
    static final String INTEGRATIONS = "System > Extensions > Integrations";

    private final MagentoSite site;
    private final MagentoAuthMode mode;

    MagentoFailures(MagentoSite site, MagentoAuthMode mode) {
        this.site = site;
        this.mode = mode;
    }

    /** A data call that did not succeed. {@code freshToken}: in admin mode, the token was issued for this call. */
    ConnectorException forAnswer(HttpAnswer answer, String what, boolean freshToken) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return retriable(answer, what);
        }
        Optional<MagentoError> parsed = MagentoError.of(answer);
        if (parsed.isEmpty()) {
            return notMagento(answer, what);
        }
        MagentoError error = parsed.get();
        if (error.noRoute()) {
            return noRoute(answer);
        }
        if (status == 401 && error.notAuthorized()) {
            return notAuthorized(error, what);
        }
        if (status == 401) {
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, credentialSentence(error), status, null);
        }
        if (status == 403) {
            return new ConnectorException(FailureKind.FORBIDDEN, "Magento refused " + what + " (HTTP 403: "
                    + error.message() + ").", status, null);
        }
        return new ConnectorException(FailureKind.SERVER_ERROR, "Magento refused " + what + " (HTTP " + status + ": "
                + error.message() + ").", status, null);
    }

    static ConnectorException retriable(HttpAnswer answer, String what) {
        ConnectorException generic = HttpFailures.forStatus(answer, what);
        Optional<MagentoError> error = MagentoError.of(answer);
        if (error.isEmpty()) {
            return generic;
        }
        String message = generic.getMessage();
        message = message.substring(0, message.length() - 1) + " (Magento: " + error.get().message() + ").";
        return new RetriableConnectorException(generic.kind(), message, answer.status(), null);
    }

    private static ConnectorException notMagento(HttpAnswer answer, String what) {
        if (answer.looksLikeHtml()) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP "
                    + answer.status() + " with an HTML page while " + what + ": the URL does not lead to Magento's REST "
                    + "API (a login page, a proxy or another site).", answer.status(), null);
        }
        if (answer.status() == 404 || answer.status() == 405) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP "
                    + answer.status() + " without Magento's error format while " + what + ": this is not Magento's "
                    + "REST API.", answer.status(), null);
        }
        return HttpFailures.forStatus(answer, what);
    }

    private ConnectorException noRoute(HttpAnswer answer) {
        String store = site.storeCode() == null ? "" : ", and that '" + site.storeCode() + "' is the code of one of "
                + "the shop's store views (Stores > All Stores)";
        return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "Magento has no REST route for " + answer.where()
                + " (\"Request does not match any route.\"): check that the URL ends in /rest/V1 or "
                + "/rest/<store code>/V1" + store + ".", answer.status(), null);
    }

    /** 401 "The consumer isn't authorized to access %resources.", worded for the connection's mode. */
    private ConnectorException notAuthorized(MagentoError error, String what) {
        String resource = error.resource() == null ? "the resource it needs" : error.resource();
        return switch (mode) {
            case ADMIN -> new MagentoNotAuthorizedException(FailureKind.FORBIDDEN, "Magento does not let this admin "
                    + "user read " + subject(what) + ": its role lacks the resource " + resource + " (System > "
                    + "Permissions > User Roles > Role Resources).", error.resource());
            case INTEGRATION -> new MagentoNotAuthorizedException(FailureKind.FORBIDDEN, "Magento does not let this "
                    + "integration read " + subject(what) + ": it lacks the resource " + resource + " (" + INTEGRATIONS
                    + " > Edit > API), or it is not active.", error.resource());
            case BEARER -> new MagentoNotAuthorizedException(FailureKind.BAD_CREDENTIALS, bearerRefused(resource, what),
                    error.resource());
        };
    }

    /** Magento's three usual causes of a refused bearer token. */
    static String bearerRefused(String resource, String what) {
        String lacks = resource.contains(",") ? "lacks the resources " : "lacks the resource ";
        return "Magento refused the access token while " + what + " (\"The consumer isn't authorized to access "
                + resource + ".\"). Magento answers this for three causes: the token is wrong, or its integration was "
                + "deleted or deactivated; integration tokens are not accepted as bearer tokens (off by default since "
                + "Magento 2.4.4: use auth-mode integration with the consumer key and secret, or have the shop turn on "
                + "Stores > Configuration > Services > OAuth > Consumer Settings > Allow OAuth Access Tokens to be used "
                + "as standalone Bearer tokens); or the integration " + lacks + resource + " (" + INTEGRATIONS
                + " > Edit > API).";
    }

    private static String subject(String what) {
        return what.startsWith("listing ") ? what.substring("listing ".length())
                : what.startsWith("reading ") ? what.substring("reading ".length()) : what;
    }

    /** Another 401: an OAuth check that failed, or a refused token. */
    private String credentialSentence(MagentoError error) {
        if (error.says("signature is invalid")) {
            return "Magento rejected the OAuth signature (\"" + error.message() + "\"): check the consumer secret and "
                    + "the access token secret, and that the URL is exactly the one Magento sees (http or https, host "
                    + "name, index.php or not) — it signs the address it was called at.";
        }
        if (error.says("consumer having the specified key") || error.says("consumer key is not the correct length")) {
            return "Magento does not know this consumer key (\"" + error.message() + "\"): copy it again from "
                    + INTEGRATIONS + " > Edit > Integration Details, or the integration was deleted.";
        }
        if (error.says("token")) {
            return "Magento refused the access token (\"" + error.message() + "\"): it does not belong to this consumer "
                    + "key or was revoked; reauthorize the integration in " + INTEGRATIONS + " and copy its new values.";
        }
        if (error.says("timestamp")) {
            return "Magento rejected the request time (\"" + error.message() + "\"): this machine's clock is more than "
                    + "10 minutes ahead of the shop's.";
        }
        if (error.says("nonce")) {
            return "Magento saw this request's one-time nonce before (\"" + error.message() + "\"); try again.";
        }
        return "Magento refused the credentials (HTTP 401: " + error.message() + ").";
    }

    /** The admin sign-in did not succeed. Never retried: each refusal counts towards Magento's lockout. */
    ConnectorException forSignIn(HttpAnswer answer) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return retriable(answer, "signing in as the admin user");
        }
        Optional<MagentoError> parsed = MagentoError.of(answer);
        if (parsed.isEmpty()) {
            return notMagento(answer, "signing in as the admin user");
        }
        MagentoError error = parsed.get();
        if (error.twoFactor()) {
            return twoFactor(error, status);
        }
        if (error.noRoute()) {
            return noRoute(answer);
        }
        if (status == 401) {
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, "Magento refused the admin user name or "
                    + "password (\"" + error.message() + "\"). Either they are wrong, or the account is locked after "
                    + "too many failed sign-ins (6 by default, for 30 minutes): Magento answers both the same way. "
                    + "Tributary never repeats a refused sign-in, so it adds no failures of its own; check the user "
                    + "name and password, or wait for the lock to end.", status, null);
        }
        return new ConnectorException(FailureKind.BAD_CREDENTIALS, "Magento refused the admin sign-in (HTTP " + status
                + ": " + error.message() + ").", status, null);
    }

    /** A 200 sign-in answer that is not a token: a 2FA answer of some versions, or not Magento at all. */
    ConnectorException forSignInAnswer(HttpAnswer answer, JsonNode body) {
        JsonNode message = body.path("message");
        if (message.isTextual()) {
            MagentoError error = new MagentoError(message.asText(), message.asText(), body);
            if (error.twoFactor()) {
                return twoFactor(error, answer.status());
            }
        }
        return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered the admin sign-in "
                + "with JSON that is not a token: this is not Magento's REST API.", answer.status(), null);
    }

    private static ConnectorException twoFactor(MagentoError error, int status) {
        return new ConnectorException(FailureKind.BAD_CREDENTIALS, "The admin user name and password are right, but "
                + "Magento requires two-factor authentication to issue an admin token (\"" + error.message() + "\"), "
                + "and an unattended sync cannot type a one-time code. Use an integration instead: create one in "
                + INTEGRATIONS + " with access to Stores, Catalog and Sales, activate it, and connect with "
                + "auth-mode integration and its consumer key, consumer secret, access token and access token secret.",
                status, null);
    }
}
