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

    Result<T> select(Collection<T> rows, MagentoSearchCriteria criteria) {
        List<T> selected = new ArrayList<>();
        for (T row : rows) {
            if (matches(row, criteria)) {
                selected.add(row);
            }
        }
        selected.sort(comparator(criteria));
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

    private boolean matches(T row, MagentoSearchCriteria criteria) {
        for (List<MagentoSearchCriteria.Filter> group : criteria.groups) {
            boolean any = false;
            for (MagentoSearchCriteria.Filter filter : group) {
                if (matches(row, filter)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(T row, MagentoSearchCriteria.Filter filter) {
        Field<T> field = field(filter.field());
        Object actual = field.value().apply(row);
        String value = filter.value();
        return switch (filter.condition()) {
            case "eq" -> actual != null && compare(field, actual, value) == 0;
            case "neq" -> actual != null && compare(field, actual, value) != 0;
            case "gt" -> actual != null && compare(field, actual, value) > 0;
            case "gteq", "moreq", "from" -> actual != null && compare(field, actual, value) >= 0;
            case "lt" -> actual != null && compare(field, actual, value) < 0;
            case "lteq", "to" -> actual != null && compare(field, actual, value) <= 0;
            case "in" -> actual != null && anyEqual(field, actual, value);
            case "nin" -> actual != null && !anyEqual(field, actual, value);
            case "like" -> actual != null && like(value).matcher(text(field, actual)).matches();
            case "nlike" -> actual != null && !like(value).matcher(text(field, actual)).matches();
            case "null" -> actual == null;
            case "notnull" -> actual != null;
            default -> throw MagentoError.positional(400, "The fake Magento does not support the condition type "
                    + "\"%1\".", filter.condition());
        };
    }

    private Field<T> field(String name) {
        Field<T> field = fields.get(name);
        if (field == null) {
            throw MagentoError.positional(400, "The fake Magento cannot filter or sort on \"%1\"; it knows %2.", name,
                    String.join(", ", fields.keySet()));
        }
        return field;
    }

    private boolean anyEqual(Field<T> field, Object actual, String list) {
        for (String item : list.split(",")) {
            if (compare(field, actual, item.trim()) == 0) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Field<?> field, Object actual, String value) {
        Comparable<Object> expected = (Comparable<Object>) parse(field.type(), value);
        return ((Comparable<Object>) normalize(field.type(), actual)).compareTo(expected);
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
