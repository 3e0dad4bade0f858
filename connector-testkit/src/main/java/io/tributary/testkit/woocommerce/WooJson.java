package io.tributary.testkit.woocommerce;

import io.tributary.testkit.http.PhpJsonEscapes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/**
 * JSON as WordPress writes it with {@code wp_json_encode()} and PHP's default flags: every
 * non-ASCII character as a lower-case {@code \u00e9} escape (surrogate pairs for the rest) and
 * {@code /} as {@code \/}. Clients must decode escapes, which any JSON parser does.
 */
final class WooJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = createMapper();

    private WooJson() {
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new PhpJsonEscapes());
        return new ObjectMapper(factory).setNodeFactory(NODES);
    }

    static byte[] bytes(JsonNode node) {
        try {
            // A String first: the writer-based generator hands each UTF-16 unit to the escapes.
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
