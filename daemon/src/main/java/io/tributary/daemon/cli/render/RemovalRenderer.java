package io.tributary.daemon.cli.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code remove --json} prints: the id of what was removed. */
public final class RemovalRenderer {
    public Map<String, Object> json(long id) {
        // ordered, unlike Map.of, whose order changes from one JVM to the next
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("removed", true);
        return json;
    }

    /** A connection's removal: also whether its stored products and orders were kept. */
    public Map<String, Object> json(long id, boolean recordsKept) {
        Map<String, Object> json = json(id);
        json.put("recordsKept", recordsKept);
        return json;
    }
}
