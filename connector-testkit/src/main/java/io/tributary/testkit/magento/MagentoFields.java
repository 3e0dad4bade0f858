package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code fields} parameter of Magento's REST API: a partial response such as
 * {@code items[id,sku,extension_attributes[configurable_product_links]],total_count}. Listed keys are kept
 * (with only their listed sub-keys when brackets follow, applied to each element of a list); everything
 * else is dropped.
 */
final class MagentoFields {
    private final Map<String, MagentoFields> keep;

    private MagentoFields(Map<String, MagentoFields> keep) {
        this.keep = keep;
    }

    /** Parses a {@code fields} value; throws a 400 for unbalanced brackets. */
    static MagentoFields parse(String spec) {
        int depth = 0;
        for (char c : spec.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth != 0) {
            throw MagentoError.positional(400, "The fields parameter \"%1\" has unbalanced brackets.", spec);
        }
        return parseList(spec, new int[] {0});
    }

    private static MagentoFields parseList(String spec, int[] position) {
        Map<String, MagentoFields> keep = new LinkedHashMap<>();
        while (position[0] < spec.length() && spec.charAt(position[0]) != ']') {
            int start = position[0];
            while (position[0] < spec.length() && ",[]".indexOf(spec.charAt(position[0])) < 0) {
                position[0]++;
            }
            String name = spec.substring(start, position[0]).trim();
            MagentoFields sub = null;
            if (position[0] < spec.length() && spec.charAt(position[0]) == '[') {
                position[0]++;
                sub = parseList(spec, position);
                position[0]++; // the closing bracket
            }
            if (!name.isEmpty()) {
                keep.put(name, sub);
            }
            if (position[0] < spec.length() && spec.charAt(position[0]) == ',') {
                position[0]++;
            }
        }
        return new MagentoFields(keep);
    }

    JsonNode apply(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode out = MagentoJson.NODES.arrayNode();
            array.forEach(element -> out.add(apply(element)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode out = MagentoJson.NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (keep.containsKey(field.getKey())) {
                MagentoFields sub = keep.get(field.getKey());
                out.set(field.getKey(), sub == null ? field.getValue() : sub.apply(field.getValue()));
            }
        }
        return out;
    }
}
