package io.tributary.testkit.woocommerce;

import io.tributary.testkit.http.QueryString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters as PHP puts them in {@code $_GET}: values URL-decoded, a repeated scalar name
 * keeps its last value, {@code name[]} and {@code name[key]} build arrays (as nested maps, in
 * order), and dots and spaces in a top-level name become underscores. Values are either
 * {@code String} or {@code Map<String, Object>}.
 */
final class PhpParameters {

    private PhpParameters() {
    }

    static Map<String, Object> parse(String rawQuery) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = QueryString.decode(equals < 0 ? part : part.substring(0, equals));
            String value = equals < 0 ? "" : QueryString.decode(part.substring(equals + 1));
            put(result, name, value);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String name, String value) {
        int bracket = name.indexOf('[');
        String base = bracket < 0 || name.indexOf(']', bracket) < 0 ? name : name.substring(0, bracket);
        if (base.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        if (base.length() < name.length()) {
            int i = bracket;
            while (i < name.length() && name.charAt(i) == '[') {
                int close = name.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                keys.add(name.substring(i + 1, close));
                i = close + 1;
            }
        }
        base = base.replace('.', '_').replace(' ', '_');
        if (keys.isEmpty()) {
            target.put(base, value);
            return;
        }
        Object existing = target.get(base);
        Map<String, Object> array = existing instanceof Map ? (Map<String, Object>) existing : new LinkedHashMap<>();
        target.put(base, array);
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k).isEmpty() ? nextIndex(array) : keys.get(k);
            if (k == keys.size() - 1) {
                array.put(key, value);
            } else {
                Object inner = array.get(key);
                Map<String, Object> next = inner instanceof Map ? (Map<String, Object>) inner : new LinkedHashMap<>();
                array.put(key, next);
                array = next;
            }
        }
    }

    private static String nextIndex(Map<String, Object> array) {
        int next = 0;
        for (String key : array.keySet()) {
            try {
                next = Math.max(next, Integer.parseInt(key) + 1);
            } catch (NumberFormatException ignored) {
                // String keys do not take part in PHP's next index.
            }
        }
        return Integer.toString(next);
    }

    /** PHP's {@code empty()} for a parameter value: missing, "", "0" or an empty array. */
    static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        String s = value.toString();
        return s.isEmpty() || "0".equals(s);
    }

    /** The value as a string, the way WooCommerce reads a scalar parameter. */
    static String scalar(Object value) {
        return value instanceof String s ? s : "Array";
    }
}
