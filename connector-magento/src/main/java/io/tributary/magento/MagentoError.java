package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Magento's web API error body, {@code {"message": "...", "parameters": [...] | {...}}}, with the placeholders
 * filled in as Magento's own clients do: {@code %1}, {@code %2}... from a list, {@code %name} from an object.
 *
 * @param template the message as sent, placeholders and all (to recognise it)
 * @param message  the message with its parameters filled in, without HTML, shortened (to show it)
 */
record MagentoError(String template, String message, JsonNode parameters) {

    /** The error in an answer, if its body is one; an HTML page or another JSON shape is not. */
    static Optional<MagentoError> of(HttpAnswer answer) {
        if (answer.looksLikeHtml() || answer.body().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode body = Json.mapper().readTree(answer.body());
            if (body != null && body.isObject() && body.path("message").isTextual()) {
                String template = body.get("message").asText();
                JsonNode parameters = body.path("parameters");
                return Optional.of(new MagentoError(template, clean(fill(template, parameters)), parameters));
            }
        } catch (java.io.IOException notJson) {
            // not an error body
        }
        return Optional.empty();
    }

    /** Replaces {@code %1}.. with list items and {@code %name} with object values, longest names first. */
    static String fill(String template, JsonNode parameters) {
        String text = template;
        if (parameters != null && parameters.isArray()) {
            for (int i = parameters.size(); i >= 1; i--) {
                text = text.replace("%" + i, parameters.get(i - 1).asText());
            }
        } else if (parameters != null && parameters.isObject()) {
            List<Map.Entry<String, JsonNode>> named = new ArrayList<>();
            parameters.properties().forEach(named::add);
            named.sort(Comparator.comparing((Map.Entry<String, JsonNode> e) -> e.getKey().length()).reversed());
            for (Map.Entry<String, JsonNode> parameter : named) {
                JsonNode value = parameter.getValue();
                String shown = value.isValueNode() ? value.asText() : value.toString();
                text = text.replace("%" + parameter.getKey(), shown);
            }
        }
        return text;
    }

    private static String clean(String message) {
        return Excerpt.plain(message, 240);
    }

    /** Whether the message as sent contains {@code text}, ignoring case. */
    boolean says(String text) {
        return template.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** The ACL resource a 401 "The consumer isn't authorized to access %resources." names, or null. */
    String resource() {
        JsonNode resources = parameters == null ? null : parameters.get("resources");
        return resources == null || resources.isNull() ? null : resources.asText();
    }

    boolean notAuthorized() {
        return says("isn't authorized to access");
    }

    boolean noRoute() {
        return says("does not match any route");
    }

    boolean twoFactor() {
        return says("2fa") || says("two-factor") || says("two factor");
    }
}
