package io.tributary.testkit.magento;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a {@link MagentoSearchCriteria} over one table the way Magento's collection processor and MySQL do:
 * each filter group is an OR of its filters, groups are ANDed; times are compared as the UTC values Magento
 * stores (the filter value read as UTC, with or without a time); text is compared without case; then the
 * sort orders, with the entity id as last tie-break, then the page. A {@code currentPage} past the end
 * answers the last page again, as Magento's collections clamp it, while {@code total_count} stays right.
 *
 * @param <T> the row type
 */
final class MagentoSearch<T> {

    enum Type { NUMBER, TIME, TEXT }

    private record Field<T>(Type type, Function<T, Object> value) {
    }

    /** One page of the selection, the number of rows the filters select, and the page actually served. */
    record Result<T>(List<T> page, int total, int servedPage) {
    }

    private final Map<String, Field<T>> fields = new LinkedHashMap<>();
    private final Function<T, Integer> id;

    MagentoSearch(Function<T, Integer> id) {
        this.id = id;
        field("entity_id", Type.NUMBER, row -> BigDecimal.valueOf(id.apply(row)));
    }

    MagentoSearch<T> field(String name, Type type, Function<T, Object> value) {
        fields.put(name, new Field<>(type, value));
        return this;
    }

    /**
     * Selects from {@code rows}, the table as of {@code version} (a number that changes whenever a row does).
     * The rows sorted by the criteria's sort orders are kept until the version or the orders change, so a keyset
     * read, which asks for page 1 after a new cursor on every request, costs one pass over the sorted rows instead
     * of a sort per page. The order is total (the entity id breaks ties), so sorting before filtering selects
     * the same page as filtering before sorting.
     */
    Result<T> select(Collection<T> rows, long version, MagentoSearchCriteria criteria) {
        List<T> sorted = sorted(rows, version, criteria);
        List<T> selected = keysetAfter(sorted, criteria);
        if (selected == null) {
            List<Condition> conditions = new ArrayList<>();
            for (List<MagentoSearchCriteria.Filter> group : criteria.groups) {
                conditions.add(new Condition(group));
            }
            selected = new ArrayList<>();
            for (T row : sorted) {
                if (matches(row, conditions)) {
                    selected.add(row);
                }
            }
        }
        int total = selected.size();
        if (criteria.pageSize == null || criteria.pageSize <= 0) {
            return new Result<>(selected, total, 1);
        }
        int size = criteria.pageSize;
        int lastPage = Math.max(1, (total + size - 1) / size);
        int page = criteria.currentPage == null || criteria.currentPage < 1 ? 1 : Math.min(criteria.currentPage, lastPage);
        int from = Math.min(total, (page - 1) * size);
        return new Result<>(List.copyOf(selected.subList(from, Math.min(total, from + size))), total, page);
    }

    /**
     * What a keyset read selects, as a view of the sorted rows, or null when the criteria are not one. A keyset read
     * sorts by one field F ascending (then {@code entity_id} ascending) and filters on nothing but a bound in that
     * order: {@code F gteq S} (or {@code gt}), or that and a second group {@code F gt S} OR {@code entity_id gt I},
     * i.e. (F, id) after (S, I). The rows it selects are then a tail of the sorted rows, found by binary search,
     * so a page costs no pass over the table (a sync reads it page after page: that pass made it quadratic).
     */
    private List<T> keysetAfter(List<T> sorted, MagentoSearchCriteria criteria) {
        List<MagentoSearchCriteria.Sort> sorts = criteria.sorts;
        if (sorted.isEmpty() || sorts.isEmpty() || sorts.size() > 2 || !sorts.get(0).direction().equals("ASC")
                || sorts.size() == 2 && !sorts.get(1).equals(new MagentoSearchCriteria.Sort("entity_id", "ASC"))
                || criteria.groups.isEmpty() || criteria.groups.size() > 2 || criteria.groups.get(0).size() != 1) {
            return null;
        }
        String sortField = sorts.get(0).field();
        MagentoSearchCriteria.Filter from = criteria.groups.get(0).get(0);
        boolean inclusive = List.of("gteq", "moreq", "from").contains(from.condition());
        if (!from.field().equals(sortField) || !inclusive && !from.condition().equals("gt")) {
            return null;
        }
        Field<T> field = field(sortField);
        Object bound = parse(field.type(), from.value());
        Integer afterId = null;
        if (criteria.groups.size() == 2) {
            if (!inclusive || sortField.equals("entity_id")) {
                return null;
            }
            afterId = tieBreakAfter(criteria.groups.get(1), sortField, from.value());
            if (afterId == null) {
                return null;
            }
        }
        int low = 0;
        int high = sorted.size();
        while (low < high) { // the first row after the bound: rows sort by F (nulls first), then id
            int middle = (low + high) >>> 1;
            if (isAfter(sorted.get(middle), field, bound, inclusive, afterId)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return sorted.subList(low, sorted.size());
    }

    /** I from the group {@code F gt S} OR {@code entity_id gt I} (S the same value as the first group's); else null. */
    private static Integer tieBreakAfter(List<MagentoSearchCriteria.Filter> group, String sortField, String value) {
        if (group.size() != 2) {
            return null;
        }
        MagentoSearchCriteria.Filter byField = group.get(0).field().equals(sortField) ? group.get(0) : group.get(1);
        MagentoSearchCriteria.Filter byId = byField == group.get(0) ? group.get(1) : group.get(0);
        if (!byField.field().equals(sortField) || !byField.condition().equals("gt") || !byField.value().equals(value)
                || !byId.field().equals("entity_id") || !byId.condition().equals("gt")) {
            return null;
        }
        try {
            return Integer.valueOf(byId.value().trim());
        } catch (NumberFormatException e) {
            return null; // compared as a decimal by the general path
        }
    }

    private boolean isAfter(T row, Field<T> field, Object bound, boolean inclusive, Integer afterId) {
        Object value = field.value().apply(row);
        if (value == null) {
            return false;
        }
        int compared = compare(field, value, bound);
        if (afterId != null && compared == 0) {
            return id.apply(row) > afterId;
        }
        return inclusive ? compared >= 0 : compared > 0;
    }

    private List<T> sorted(Collection<T> rows, long version, MagentoSearchCriteria criteria) {
        Comparator<T> order = comparator(criteria); // unknown sort fields fail here, even over no rows
        synchronized (this) {
            if (sorted != null && sorted.table() == rows && sorted.version() == version
                    && sorted.sorts().equals(criteria.sorts)) {
                return sorted.rows();
            }
        }
        List<T> rowsInOrder = new ArrayList<>(rows);
        rowsInOrder.sort(order);
        synchronized (this) {
            sorted = new SortedRows<>(rows, version, List.copyOf(criteria.sorts), rowsInOrder);
        }
        return rowsInOrder;
    }

    /** The last sort made: of which table, as of which version, in which sort orders. */
    private record SortedRows<T>(Collection<T> table, long version, List<MagentoSearchCriteria.Sort> sorts,
            List<T> rows) {
    }

    private SortedRows<T> sorted;

    private boolean matches(T row, List<Condition> conditions) {
        for (Condition condition : conditions) {
            if (!condition.test(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One filter group, an OR of its filters. Each filter's value is parsed at its first use instead of for every
     * row (a time value was parsed per row and per request), and only when a row needs it, as before: a filter
     * nothing reaches does not fail.
     */
    private final class Condition {
        private final List<MagentoSearchCriteria.Filter> filters;
        private final Object[] parsed; // per filter: its value, its in-list or its like pattern; null until used

        Condition(List<MagentoSearchCriteria.Filter> filters) {
            this.filters = filters;
            this.parsed = new Object[filters.size()];
        }

        boolean test(T row) {
            for (int i = 0; i < filters.size(); i++) {
                if (matches(row, i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(T row, int index) {
            MagentoSearchCriteria.Filter filter = filters.get(index);
            Field<T> field = field(filter.field());
            Object actual = field.value().apply(row);
            return switch (filter.condition()) {
                case "eq" -> actual != null && compare(field, actual, value(index, field)) == 0;
                case "neq" -> actual != null && compare(field, actual, value(index, field)) != 0;
                case "gt" -> actual != null && compare(field, actual, value(index, field)) > 0;
                case "gteq", "moreq", "from" -> actual != null && compare(field, actual, value(index, field)) >= 0;
                case "lt" -> actual != null && compare(field, actual, value(index, field)) < 0;
                case "lteq", "to" -> actual != null && compare(field, actual, value(index, field)) <= 0;
                case "in" -> actual != null && oneOf(index, field).contains(normalize(field.type(), actual));
                case "nin" -> actual != null && !oneOf(index, field).contains(normalize(field.type(), actual));
                case "like" -> actual != null && pattern(index).matcher(text(field, actual)).matches();
                case "nlike" -> actual != null && !pattern(index).matcher(text(field, actual)).matches();
                case "null" -> actual == null;
                case "notnull" -> actual != null;
                default -> throw MagentoError.positional(400, "The fake Magento does not support the condition type "
                        + "\"%1\".", filter.condition());
            };
        }

        private Object value(int index, Field<T> field) {
            if (parsed[index] == null) {
                parsed[index] = parse(field.type(), filters.get(index).value());
            }
            return parsed[index];
        }

        /** The values of an {@code in} list, compared as {@code eq} compares (numbers by value, text without case). */
        @SuppressWarnings("unchecked")
        private TreeSet<Object> oneOf(int index, Field<T> field) {
            if (parsed[index] == null) {
                TreeSet<Object> values = new TreeSet<>();
                for (String item : filters.get(index).value().split(",")) {
                    values.add(parse(field.type(), item.trim()));
                }
                parsed[index] = values;
            }
            return (TreeSet<Object>) parsed[index];
        }

        private Pattern pattern(int index) {
            if (parsed[index] == null) {
                parsed[index] = like(filters.get(index).value());
            }
            return (Pattern) parsed[index];
        }
    }

    /** A row's value against a filter's parsed value, as the sort orders them (text without case). */
    @SuppressWarnings("unchecked")
    private static int compare(Field<?> field, Object actual, Object expected) {
        return ((Comparable<Object>) normalize(field.type(), actual)).compareTo(expected);
    }

    private Field<T> field(String name) {
        Field<T> field = fields.get(name);
        if (field == null) {
            throw MagentoError.positional(400, "The fake Magento cannot filter or sort on \"%1\"; it knows %2.", name,
                    String.join(", ", fields.keySet()));
        }
        return field;
    }

    private static Object normalize(Type type, Object actual) {
        return type == Type.TEXT ? actual.toString().toLowerCase(Locale.ROOT) : actual;
    }

    private static Object parse(Type type, String value) {
        return switch (type) {
            case TEXT -> value.toLowerCase(Locale.ROOT);
            case NUMBER -> {
                try {
                    yield new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw MagentoError.positional(400, "The fake Magento cannot compare \"%1\" with a number.", value);
                }
            }
            case TIME -> epochSecond(value);
        };
    }

    /** {@code 2024-05-18 14:02:37}, {@code 2024-05-18T14:02:37} or {@code 2024-05-18}, read as UTC. */
    static long epochSecond(String value) {
        String text = value.trim().replace('T', ' ');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw MagentoError.positional(400, "The fake Magento cannot read \"%1\" as a date and time.", value);
        }
    }

    private static String text(Field<?> field, Object actual) {
        return switch (field.type()) {
            case TIME -> MagentoJson.time((Long) actual);
            case NUMBER -> ((BigDecimal) actual).toPlainString();
            case TEXT -> actual.toString();
        };
    }

    private static Pattern like(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @SuppressWarnings("unchecked")
    private Comparator<T> comparator(MagentoSearchCriteria criteria) {
        Comparator<T> order = (a, b) -> 0;
        for (MagentoSearchCriteria.Sort sort : criteria.sorts) {
            Field<T> field = field(sort.field());
            Comparator<T> byField = Comparator.comparing(row -> (Comparable<Object>) normalizeOrNull(field, row),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order.thenComparing(sort.direction().equals("DESC") ? byField.reversed() : byField);
        }
        return order.thenComparing(id::apply);
    }

    private static <T> Object normalizeOrNull(Field<T> field, T row) {
        Object value = field.value().apply(row);
        return value == null ? null : normalize(field.type(), value);
    }
}
