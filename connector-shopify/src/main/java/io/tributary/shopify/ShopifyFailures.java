package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;

/** Turns Shopify's refusals into failures that say, in one sentence, what is wrong and what to do. */
final class ShopifyFailures {
    private final ShopifyShop shop;
    private final ShopifyAuthMode mode;

    ShopifyFailures(ShopifyShop shop, ShopifyAuthMode mode) {
        this.shop = shop;
        this.mode = mode;
    }

    /** An answer of {@code graphql.json} other than 200. */
    ConnectorException forAnswer(HttpAnswer answer, String what) {
        int status = answer.status();
        String said = quote(answer);
        return switch (status) {
            case 401 -> new ConnectorException(FailureKind.BAD_CREDENTIALS, mode == ShopifyAuthMode.TOKEN
                    ? "Shopify refused the access token while " + what + " (HTTP 401" + said + "): it is mistyped, was "
                            + "revoked, or its app was uninstalled; copy the Admin API access token of the app again."
                    : "Shopify refused the token minted from the client ID and secret while " + what + " (HTTP 401"
                            + said + "): the app may have been uninstalled from the shop.", status, null);
            case 402 -> new ConnectorException(FailureKind.FORBIDDEN, "The shop " + shop.display() + " is frozen (HTTP "
                    + "402" + said + "): Shopify serves no data until its bill is paid.", status, null);
            case 423 -> new ConnectorException(FailureKind.FORBIDDEN, "The shop " + shop.display() + " is locked (HTTP "
                    + "423" + said + "): Shopify serves no data until the lock is lifted.", status, null);
            case 403 -> new ConnectorException(FailureKind.FORBIDDEN, answer.where() + " refused the app (HTTP 403"
                    + said + ") while " + what + ".", status, null);
            case 404 -> notAShop(answer);
            default -> HttpFailures.forStatus(answer, what);
        };
    }

    ConnectorException notAShop(HttpAnswer answer) {
        return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered HTTP " + answer.status()
                + ": no Shopify shop answers at " + shop.display() + " (a mistyped handle, a closed shop, or not "
                + "Shopify at all).", answer.status(), null);
    }

    ConnectorException notGraphQl(HttpAnswer answer) {
        return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered JSON that is not a "
                + "GraphQL answer (" + Excerpt.of(answer.body(), 80) + "): this is not Shopify's Admin API.",
                answer.status(), null);
    }

    /** An answer of the client credentials grant other than a token. */
    ConnectorException forMint(HttpAnswer answer, JsonNode body) {
        int status = answer.status();
        if (status == 400 || status == 401 || status == 403) {
            String error = body == null ? "" : body.path("error").asText("");
            String description = body == null ? "" : body.path("error_description").asText("");
            String said = error.isEmpty() ? quote(answer) : ": " + error + (description.isEmpty() ? ""
                    : ", \"" + Excerpt.of(description, 120) + "\"");
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, "Shopify refused the client ID or client secret "
                    + "(HTTP " + status + said + "): copy both from the app's Settings in the Dev Dashboard, and check "
                    + "that the app is released and installed on " + shop.display() + ".", status, null);
        }
        if (status == 404) {
            return notAShop(answer);
        }
        return HttpFailures.forStatus(answer, "asking Shopify for an access token");
    }

    private static String quote(HttpAnswer answer) {
        String body = answer.body().strip();
        if (body.isEmpty() || answer.looksLikeHtml()) {
            return "";
        }
        try {
            JsonNode errors = io.tributary.http.Json.mapper().readTree(body).path("errors");
            return errors.isTextual() ? ", \"" + Excerpt.of(errors.asText(), 120) + "\"" : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
