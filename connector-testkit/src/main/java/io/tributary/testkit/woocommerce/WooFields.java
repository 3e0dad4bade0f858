package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code _fields} partial response of rest_filter_response_fields(): top-level and dotted
 * nested names ({@code billing.email}) are kept in the item's own order; {@code _links} only
 * when asked for.
 */
final class WooFields {

    private WooFields() {
    }

    static ObjectNode filter(ObjectNode item, List<String> fields) {
        if (fields.isEmpty()) {
            return item;
        }
        List<String[]> paths = new ArrayList<>();
        for (String field : fields) {
            if (!field.isBlank()) {
                paths.add(field.trim().split("\\."));
            }
        }
        return keep(item, paths, 0);
    }

    private static ObjectNode keep(ObjectNode node, List<String[]> paths, int depth) {
        ObjectNode result = WooJson.NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            List<String[]> deeper = new ArrayList<>();
            boolean whole = false;
            for (String[] path : paths) {
                if (path.length > depth && path[depth].equals(field.getKey())) {
                    if (path.length == depth + 1) {
                        whole = true;
                    } else {
                        deeper.add(path);
                    }
                }
            }
            if (whole) {
                result.set(field.getKey(), field.getValue());
            } else if (!deeper.isEmpty() && field.getValue() instanceof ObjectNode child) {
                result.set(field.getKey(), keep(child, deeper, depth + 1));
            }
        }
        return result;
    }
}
