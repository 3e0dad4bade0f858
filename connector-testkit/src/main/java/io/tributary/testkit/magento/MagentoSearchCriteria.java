package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code searchCriteria} from the query string, as Magento's ServiceInputProcessor builds it from PHP's
 * nested {@code $_GET}: {@code filter_groups} (or {@code filterGroups}) whose filters are ORed within a group
 * and ANDed across groups, {@code sortOrders} (or {@code sort_orders}), {@code pageSize} and
 * {@code currentPage} (or snake_case). Missing entirely, it is the 400 Magento gives; present but empty
 * ({@code searchCriteria=}), it selects everything.
 */
final class MagentoSearchCriteria {

    private static final Pattern PART = Pattern.compile("\\[([^\\]]*)\\]");

    record Filter(String field, String value, String condition) {
    }

    record Sort(String field, String direction) {
    }

    final List<List<Filter>> groups = new ArrayList<>();
    final List<Sort> sorts = new ArrayList<>();
    Integer pageSize;
    Integer currentPage;

    private MagentoSearchCriteria() {
    }

    static MagentoSearchCriteria parse(Map<String, List<String>> query) {
        boolean present = false;
        TreeMap<Integer, TreeMap<Integer, Map<String, String>>> groups = new TreeMap<>();
        TreeMap<Integer, Map<String, String>> sorts = new TreeMap<>();
        MagentoSearchCriteria criteria = new MagentoSearchCriteria();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith("searchCriteria")) {
                continue;
            }
            present = true;
            List<String> path = parts(name.substring("searchCriteria".length()));
            String value = parameter.getValue().get(parameter.getValue().size() - 1); // PHP: the last one wins
            if (path.isEmpty()) {
                continue;
            }
            switch (path.get(0)) {
                case "pageSize" -> criteria.pageSize = integer(value);
                case "currentPage" -> criteria.currentPage = integer(value);
                case "filterGroups" -> {
                    if (path.size() == 5 && path.get(2).equals("filters")) {
                        groups.computeIfAbsent(index(path.get(1)), k -> new TreeMap<>())
                                .computeIfAbsent(index(path.get(3)), k -> new java.util.HashMap<>())
                                .put(path.get(4), value);
                    }
                }
                case "sortOrders" -> {
                    if (path.size() == 3) {
                        sorts.computeIfAbsent(index(path.get(1)), k -> new java.util.HashMap<>()).put(path.get(2), value);
                    }
                }
                default -> { } // Magento ignores what SearchCriteriaInterface does not have
            }
        }
        if (!present) {
            throw MagentoError.requiredField("searchCriteria");
        }
        for (TreeMap<Integer, Map<String, String>> group : groups.values()) {
            List<Filter> filters = new ArrayList<>();
            for (Map<String, String> filter : group.values()) {
                if (filter.get("field") == null || filter.get("field").isEmpty()) {
                    throw MagentoError.requiredField("field");
                }
                filters.add(new Filter(filter.get("field"), filter.getOrDefault("value", ""),
                        filter.getOrDefault("conditionType", "eq").toLowerCase(Locale.ROOT)));
            }
            criteria.groups.add(filters);
        }
        for (Map<String, String> sort : sorts.values()) {
            String direction = sort.getOrDefault("direction", "ASC").toUpperCase(Locale.ROOT);
            if (!direction.equals("ASC") && !direction.equals("DESC")) {
                throw MagentoError.positional(400, "The sort order has to be specified as %1 for ascending order or "
                        + "%2 for descending order.", "ASC", "DESC");
            }
            if (sort.get("field") == null || sort.get("field").isEmpty()) {
                throw MagentoError.requiredField("field");
            }
            criteria.sorts.add(new Sort(sort.get("field"), direction));
        }
        return criteria;
    }

    /** {@code [filter_groups][0][filters][1][condition_type]} as {@code filterGroups, 0, filters, 1, conditionType}. */
    private static List<String> parts(String brackets) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = PART.matcher(brackets);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            parts.add(camel(matcher.group(1)));
            end = matcher.end();
        }
        return parts;
    }

    private static String camel(String part) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : part.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw MagentoError.wrongType(value, "int");
        }
    }

    /** The criteria as Magento echoes them in {@code search_criteria}. */
    ObjectNode echo() {
        ObjectNode json = MagentoJson.NODES.objectNode();
        ArrayNode groupsJson = json.putArray("filter_groups");
        for (List<Filter> group : groups) {
            ArrayNode filters = groupsJson.addObject().putArray("filters");
            for (Filter filter : group) {
                filters.addObject().put("field", filter.field()).put("value", filter.value())
                        .put("condition_type", filter.condition());
            }
        }
        if (!sorts.isEmpty()) {
            ArrayNode sortsJson = json.putArray("sort_orders");
            sorts.forEach(s -> sortsJson.addObject().put("field", s.field()).put("direction", s.direction()));
        }
        if (pageSize != null) {
            json.put("page_size", pageSize);
        }
        if (currentPage != null) {
            json.put("current_page", currentPage);
        }
        return json;
    }
}
