package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import java.util.ArrayList;
import java.util.List;

/** A GraphQL answer: {@code data}, {@code errors} (each with {@code extensions.code}) and the HTTP answer. */
record ShopifyAnswer(JsonNode data, JsonNode errors, JsonNode cost, HttpAnswer http) {
    /** Whether some error carries this {@code extensions.code}. */
    boolean has(String code) {
        for (JsonNode error : errors) {
            if (code.equals(error.path("extensions").path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The messages of the errors with this code, or of all errors for null. */
    List<String> messages(String code) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : errors) {
            if (code == null || code.equals(error.path("extensions").path("code").asText())) {
                messages.add(Excerpt.of(error.path("message").asText("?"), 200));
            }
        }
        return messages;
    }

    /** Whether an error names this top-level field in its {@code path}. */
    boolean failedAt(String field) {
        for (JsonNode error : errors) {
            if (field.equals(error.path("path").path(0).asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the refused query would have cost: {@code extensions.cost.requestedQueryCost}, else the {@code cost} a
     * MAX_COST_EXCEEDED error carries; 0 when neither says.
     */
    int requestedCost() {
        int requested = cost.path("requestedQueryCost").asInt(0);
        for (JsonNode error : errors) {
            requested = Math.max(requested, error.path("extensions").path("cost").asInt(0));
        }
        return requested;
    }

    boolean hasErrors() {
        return errors.size() > 0;
    }
}
