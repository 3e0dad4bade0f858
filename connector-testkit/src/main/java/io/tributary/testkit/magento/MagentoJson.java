package io.tributary.testkit.magento;

import io.tributary.testkit.http.PhpJsonEscapes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JSON as Magento's REST renderer writes it: {@code json_encode} with PHP's default flags (every non-ASCII
 * character as a {@code \u00e9} escape, {@code /} as {@code \/}), times as {@code YYYY-MM-DD HH:MM:SS} in UTC
 * without a zone designator, and amounts as JSON numbers — decimal columns read into PHP floats. With
 * {@code serialize_precision = -1} (PHP 7.1+ default) a float prints as its shortest form ({@code 29.9}); with
 * the legacy {@code 17} it prints all 17 significant digits ({@code 29.899999999999999}).
 */
final class MagentoJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = createMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private MagentoJson() {
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new PhpJsonEscapes());
        factory.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return new ObjectMapper(factory).setNodeFactory(NODES);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static byte[] bytes(JsonNode node) {
        try {
            // A String first: the writer-based generator hands each UTF-16 unit to the escapes.
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String time(long epochSecond) {
        return TIME.format(Instant.ofEpochSecond(epochSecond));
    }

    /** How PHP prints a float read from a decimal column, for the shop's {@code serialize_precision}. */
    static BigDecimal number(BigDecimal value, boolean legacyPrecision) {
        if (value == null) {
            return null;
        }
        if (!legacyPrecision) {
            BigDecimal shortest = new BigDecimal(Double.toString(value.doubleValue()));
            return plain(shortest);
        }
        BigDecimal printed = new BigDecimal(value.doubleValue()).round(new MathContext(17));
        return plain(printed);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static void putNumber(ObjectNode node, String field, BigDecimal value, boolean legacyPrecision) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, number(value, legacyPrecision));
        }
    }

}
