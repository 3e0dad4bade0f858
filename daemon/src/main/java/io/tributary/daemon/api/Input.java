package io.tributary.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a request's path and query parameters and JSON body, collecting every problem; {@link #check()} throws
 * them together as one 400 naming each field.
 */
final class Input {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Context ctx;
    private final List<ValidationProblem> problems = new ArrayList<>();
    private JsonNode body;

    Input(Context ctx) {
        this.ctx = ctx;
    }

    long pathId(String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new ValidationProblem(name, "'" + text + "' is not an id (a whole number)."));
            return -1;
        }
    }

    String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Long queryLong(String name) {
        return parse(name, query(name), Long::parseLong, "a whole number");
    }

    int limit(int byDefault, int max) {
        Integer limit = parse("limit", query("limit"), Integer::parseInt, "a whole number");
        if (limit == null) {
            return byDefault;
        }
        if (limit < 1 || limit > max) {
            problems.add(new ValidationProblem("limit", "The limit must be between 1 and " + max + "."));
            return byDefault;
        }
        return limit;
    }

    /** {@code deleted=exclude|include|only} of the record listings; exclude when absent. */
    io.tributary.record.Deleted queryDeleted() {
        try {
            return io.tributary.record.Deleted.parse(query("deleted"));
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem("deleted", e.getMessage()));
            return io.tributary.record.Deleted.EXCLUDE;
        }
    }

    Boolean queryBoolean(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(new ValidationProblem(name, "'" + value + "' is not true or false."));
            return null;
        }
        return Boolean.valueOf(value);
    }

    Instant queryInstant(String name) {
        return parse(name, query(name), Instant::parse, "an ISO 8601 UTC time such as 2026-12-01T10:00:00Z");
    }

    /** A value parsed by {@code parser}, or null when absent; a value it refuses is a problem of field {@code name}. */
    <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            String why = e instanceof NumberFormatException || e instanceof DateTimeParseException
                    || e.getMessage() == null ? "'" + value + "' is not " + expected + "." : e.getMessage();
            problems.add(new ValidationProblem(name, why));
            return null;
        }
    }

    /** The JSON object in the body (an empty object when there is no body). */
    JsonNode body() {
        if (body == null) {
            String text = ctx.body();
            try {
                body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("body", "The body is not valid JSON: " + e.getOriginalMessage());
            }
            if (!body.isObject()) {
                throw new InvalidInputException("body", "The body must be a JSON object.");
            }
        }
        return body;
    }

    String text(String field) {
        JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(new ValidationProblem(field, "The " + field + " must be a string."));
            return null;
        }
        return node.asText();
    }

    Boolean bool(String field) {
        JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problems.add(new ValidationProblem(field, "The " + field + " must be true or false."));
            return null;
        }
        return node.booleanValue();
    }

    Integer integer(String field) {
        JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            problems.add(new ValidationProblem(field, "The " + field + " must be a whole number."));
            return null;
        }
        return node.intValue();
    }

    Long longValue(String field) {
        JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            problems.add(new ValidationProblem(field, "The " + field + " must be an id (a whole number)."));
            return null;
        }
        return node.longValue();
    }

    /** A list of strings; null when absent. */
    List<String> strings(String field) {
        JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
            return values;
        }
        problems.add(new ValidationProblem(field, "The " + field + " must be a list of strings."));
        return null;
    }

    /** An object of strings; empty when absent. */
    Map<String, String> stringMap(String field) {
        JsonNode node = body().get(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            problems.add(new ValidationProblem(field, "The " + field + " must be an object of strings."));
            return values;
        }
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return values;
    }

    void problem(String field, String message) {
        problems.add(new ValidationProblem(field, message));
    }

    /** Throws every problem found so far as one {@link InvalidInputException} (400). */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
