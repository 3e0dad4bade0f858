package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates the query of a collection request the way WP_REST_Request::has_valid_params() does:
 * every bad argument is reported at once in one 400 {@code rest_invalid_param}. Arguments the
 * version does not know are ignored, like any unknown argument in WordPress.
 */
final class WooListParams {

    /** A valid collection request. */
    record ListRequest(WooSelection selection, int page, int perPage, Integer offset, List<String> fields) {
    }

    /** Either a request or the error that answers it. */
    record Outcome(ListRequest request, WooError error) {
    }

    private record Problem(String code, String message) {
    }

    private WooListParams() {
    }

    static Outcome parse(List<WooParamSpec> specs, Map<String, Object> query, WooVersion version, WooTime time) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Map<String, Object> valid = new LinkedHashMap<>();
        for (WooParamSpec spec : specs) {
            Object value = query.get(spec.name());
            if (value == null || !spec.availableIn(version)) {
                continue;
            }
            Problem problem = validate(spec, value, time);
            if (problem != null) {
                problems.put(spec.name(), problem);
            } else {
                valid.put(spec.name(), value);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, invalid(problems));
        }
        return new Outcome(build(valid, query.get("_fields"), time), null);
    }

    private static WooError invalid(Map<String, Problem> problems) {
        return new WooError(400, "rest_invalid_param", "Invalid parameter(s): " + String.join(", ", problems.keySet()),
                data -> {
                    ObjectNode params = data.putObject("params");
                    ObjectNode details = data.putObject("details");
                    problems.forEach((name, problem) -> {
                        params.put(name, problem.message());
                        details.putObject(name).put("code", problem.code()).put("message", problem.message()).putNull("data");
                    });
                });
    }

    private static Problem validate(WooParamSpec spec, Object value, WooTime time) {
        String name = spec.name();
        if (spec.type().equals("array")) {
            List<String> items = list(value);
            for (int i = 0; i < items.size(); i++) {
                if (!spec.enumValues().isEmpty() && !spec.enumValues().contains(items.get(i))) {
                    return new Problem("rest_not_in_enum", name + "[" + i + "] is not one of " + listing(spec.enumValues()) + ".");
                }
            }
            return null;
        }
        if (!(value instanceof String text)) {
            return new Problem("rest_invalid_type", name + " is not of type " + spec.type() + ".");
        }
        switch (spec.type()) {
            case "integer" -> {
                if (!text.trim().matches("-?\\d+(\\.0*)?")) {
                    return new Problem("rest_invalid_type", name + " is not of type integer.");
                }
                long number = Long.parseLong(text.trim().replaceAll("\\.0*$", ""));
                if (spec.minimum() != null && spec.maximum() != null && (number < spec.minimum() || number > spec.maximum())) {
                    return new Problem("rest_out_of_bounds", name + " must be between " + spec.minimum() + " (inclusive) and "
                            + spec.maximum() + " (inclusive)");
                }
                if (spec.minimum() != null && number < spec.minimum()) {
                    return new Problem("rest_out_of_bounds", name + " must be greater than or equal to " + spec.minimum());
                }
                return null;
            }
            case "boolean" -> {
                return List.of("true", "false", "1", "0").contains(text.toLowerCase(Locale.ROOT)) ? null
                        : new Problem("rest_invalid_type", name + " is not of type boolean.");
            }
            default -> {
                if ("date-time".equals(spec.format()) && time.parseFilter(text).isEmpty()) {
                    return new Problem("rest_invalid_date", "Invalid date.");
                }
                if (!spec.enumValues().isEmpty() && !spec.enumValues().contains(text)) {
                    return new Problem("rest_not_in_enum", name + " is not one of " + listing(spec.enumValues()) + ".");
                }
                return null;
            }
        }
    }

    /** wp_sprintf_l(): "a and b", "a, b, and c". */
    private static String listing(List<String> values) {
        if (values.size() == 2) {
            return values.get(0) + " and " + values.get(1);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + ", and " + values.get(values.size() - 1);
    }

    private static ListRequest build(Map<String, Object> valid, Object fields, WooTime time) {
        String orderby = text(valid, "orderby", "date");
        List<Integer> include = ids(valid.get("include"));
        if (orderby.equals("include") && include.isEmpty()) {
            orderby = "date";
        }
        boolean gmt = List.of("true", "1").contains(text(valid, "dates_are_gmt", "false").toLowerCase(Locale.ROOT));
        Set<String> statuses = statuses(valid);
        Set<String> excluded = new LinkedHashSet<>(list(valid.getOrDefault("exclude_status", "")));
        excluded.remove("");
        Set<String> skus = new LinkedHashSet<>();
        for (String sku : text(valid, "sku", "").split(",")) {
            if (!sku.trim().isEmpty()) {
                skus.add(sku.trim());
            }
        }
        WooSelection selection = new WooSelection(orderby, text(valid, "order", "desc").equals("asc"), gmt,
                date(valid, "after", time), date(valid, "before", time), date(valid, "modified_after", time),
                date(valid, "modified_before", time), statuses, Set.copyOf(excluded), include,
                Set.copyOf(ids(valid.get("exclude"))), Set.copyOf(skus), nullIfBlank(text(valid, "search", "")),
                (String) valid.get("type"), (String) valid.get("stock_status"), null,
                valid.containsKey("customer") ? (int) number(valid, "customer", 0) : null,
                nullIfBlank(text(valid, "slug", "")));
        Integer offset = valid.containsKey("offset") ? (int) Math.abs(number(valid, "offset", 0)) : null;
        return new ListRequest(selection, (int) number(valid, "page", 1), (int) number(valid, "per_page", 10), offset,
                fields == null ? List.of() : list(fields));
    }

    /** null for "any"; include_status, when given, wins over status. */
    private static Set<String> statuses(Map<String, Object> valid) {
        List<String> wanted = valid.containsKey("include_status") ? list(valid.get("include_status"))
                : list(valid.getOrDefault("status", "any"));
        if (wanted.isEmpty() || wanted.contains("any")) {
            return null;
        }
        return Set.copyOf(wanted);
    }

    private static Long date(Map<String, Object> valid, String name, WooTime time) {
        return valid.containsKey(name) ? time.parseFilter((String) valid.get(name)).orElseThrow() : null;
    }

    private static String text(Map<String, Object> valid, String name, String fallback) {
        Object value = valid.get(name);
        return value instanceof String s ? s : fallback;
    }

    private static long number(Map<String, Object> valid, String name, long fallback) {
        Object value = valid.get(name);
        return value instanceof String s ? Long.parseLong(s.trim().replaceAll("\\.0*$", "")) : fallback;
    }

    private static String nullIfBlank(String value) {
        return value.isBlank() ? null : value.trim();
    }

    /** wp_parse_list(): a comma or space separated string, or the values of a PHP array. */
    static List<String> list(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> items.add(String.valueOf(v)));
        } else if (value != null) {
            for (String item : value.toString().split("[,\\s]+")) {
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /** wp_parse_id_list(): absint of each item, duplicates removed. */
    private static List<Integer> ids(Object value) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String item : list(value)) {
            try {
                ids.add((int) Math.abs(Long.parseLong(item.replaceAll("\\..*$", ""))));
            } catch (NumberFormatException e) {
                ids.add(0);
            }
        }
        return List.copyOf(ids);
    }
}
