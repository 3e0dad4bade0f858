package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.Json;
import java.util.Optional;

/** WooCommerce's (WordPress's) error body: {@code {"code": "...", "message": "...", "data": {"status": N}}}. */
record WooCommerceError(String code, String message) {
    static final String CANNOT_VIEW = "woocommerce_rest_cannot_view";
    static final String AUTHENTICATION_ERROR = "woocommerce_rest_authentication_error";
    static final String MISSING_PARAMETER = "woocommerce_rest_authentication_missing_parameter";
    static final String NO_ROUTE = "rest_no_route";

    /** The error in an answer, if its body is one. */
    static Optional<WooCommerceError> of(HttpAnswer answer) {
        if (answer.looksLikeHtml() || answer.body().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode body = Json.mapper().readTree(answer.body());
            if (body != null && body.isObject() && body.hasNonNull("code")) {
                String message = body.path("message").asText("");
                return Optional.of(new WooCommerceError(body.get("code").asText(), clean(message)));
            }
        } catch (java.io.IOException notJson) {
            // not an error body
        }
        return Optional.empty();
    }

    boolean is(String expected) {
        return code.equals(expected);
    }

    /** The server's message without HTML tags, shortened: it is shown to admins inside our own sentences. */
    private static String clean(String message) {
        return Excerpt.plain(message, 200);
    }
}
