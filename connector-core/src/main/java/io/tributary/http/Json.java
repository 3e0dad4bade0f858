package io.tributary.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The JSON side of the HTTP stack. Numbers with a fraction are read as {@link BigDecimal} from their text, so
 * money never passes through {@code double}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses an answer that should be JSON. An HTML page gives {@link FailureKind#NOT_THIS_SYSTEM}; malformed
     * JSON gives {@link FailureKind#SERVER_ERROR}; both with a sentence naming where it came from.
     */
    public static JsonNode parse(HttpAnswer answer) {
        if (answer.looksLikeHtml()) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered with an HTML page"
                    + titleOf(answer.body()) + " where a JSON API answer was expected: the URL does not point at "
                    + "the API (a login page, a proxy or another site).", answer.status(), null);
        }
        try {
            JsonNode node = MAPPER.readTree(answer.body());
            if (node == null || node.isMissingNode()) {
                throw new ConnectorException(FailureKind.SERVER_ERROR, answer.where() + " answered HTTP "
                        + answer.status() + " with an empty body where JSON was expected.", answer.status(), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, answer.where() + " answered HTTP " + answer.status()
                    + " with malformed JSON (" + e.getOriginalMessage().lines().findFirst().orElse("parse error")
                    + " at character " + e.getLocation().getCharOffset() + ").", answer.status(), null);
        }
    }

    private static String titleOf(String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        int start = lower.indexOf("<title>");
        int end = lower.indexOf("</title>");
        if (start < 0 || end < start) {
            return "";
        }
        String title = html.substring(start + 7, end).replaceAll("\\s+", " ").trim();
        if (title.isEmpty()) {
            return "";
        }
        return " titled \"" + Excerpt.of(title, 80) + "\"";
    }

    /** The text of a field, or null when it is missing, null or an empty string. */
    /**
     * A record's id: a positive whole number, as text.
     *
     * @throws IllegalArgumentException naming the system and quoting the record, when there is none
     */
    public static String positiveId(JsonNode record, String field, String system) {
        JsonNode id = record.get(field);
        if (id == null || !id.canConvertToLong() || id.asLong() <= 0) {
            throw new IllegalArgumentException(system + " sent a record without a numeric " + field + ": "
                    + Excerpt.of(record.toString(), 120));
        }
        return Long.toString(id.asLong());
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /**
     * An exact decimal from a JSON string ({@code "12.50"}) or number ({@code 12.5}), or null when missing or
     * empty; throws a readable sentence when it is not a number.
     */
    public static BigDecimal decimal(JsonNode node, String field, String recordId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Record " + recordId + " has " + field + " '" + abbreviate(text)
                    + "', which is not a number.");
        }
    }

    /** A whole number from a JSON number or string, or null when missing or empty. */
    public static Integer integer(JsonNode node, String field, String recordId) {
        BigDecimal value = decimal(node, field, recordId);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Record " + recordId + " has " + field + " " + value.toPlainString()
                    + ", which is not a whole number.");
        }
    }

    /**
     * A UTC instant from an ISO 8601 date-time; a value without zone designator is read as UTC (the
     * convention of WooCommerce's {@code *_gmt} fields and Magento's timestamps).
     */
    public static Instant utcInstant(JsonNode node, String field, String recordId) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return parseUtc(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Record " + recordId + " has " + field + " '" + abbreviate(text)
                    + "', which is not a date and time.");
        }
    }

    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    /** Parses ISO 8601 with or without offset, also with a space instead of {@code T}; no offset means UTC. */
    public static Instant parseUtc(String text) {
        String iso = text.trim().replace(' ', 'T');
        // only where an offset can be: String.matches compiled a pattern and scanned the whole text on every call,
        // 6 % of the reading thread's CPU samples in a 30,000-order sync (JFR)
        boolean hasOffset = iso.endsWith("Z") || (iso.length() >= 6
                && OFFSET.matcher(iso).region(iso.length() - 6, iso.length()).matches());
        return hasOffset ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return Excerpt.of(text, 40);
    }
}
