package io.tributary.magento;

import io.tributary.http.OAuth1;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query string for Magento's list endpoints, in the order the parameters were added and percent-encoded by
 * RFC 3986 (brackets as {@code %5B %5D}, a space as {@code %20}, never {@code +}), so the URL on the wire is the
 * one the OAuth signature covers. Array indexes stay below 10 (two filter groups, two sort orders), where
 * Magento's {@code strnatcmp} parameter order and RFC 5849's byte order agree.
 */
final class MagentoQuery {
    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    static MagentoQuery searchCriteria() {
        return new MagentoQuery();
    }

    MagentoQuery filter(int group, int index, String field, String condition, String value) {
        String prefix = "searchCriteria[filter_groups][" + group + "][filters][" + index + "]";
        return add(prefix + "[field]", field).add(prefix + "[value]", value).add(prefix + "[condition_type]", condition);
    }

    MagentoQuery sort(int index, String field, String direction) {
        String prefix = "searchCriteria[sortOrders][" + index + "]";
        return add(prefix + "[field]", field).add(prefix + "[direction]", direction);
    }

    MagentoQuery pageSize(int size) {
        return add("searchCriteria[pageSize]", Integer.toString(size));
    }

    MagentoQuery currentPage(int page) {
        return add("searchCriteria[currentPage]", Integer.toString(page));
    }

    /** A partial response ({@code fields=items[id,sku],total_count}). */
    MagentoQuery fields(String spec) {
        return add("fields", spec);
    }

    MagentoQuery add(String name, String value) {
        parameters.add(Map.entry(name, value));
        return this;
    }

    /** The encoded query string, or null when there are no parameters. */
    String encoded() {
        if (parameters.isEmpty()) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters) {
            pairs.add(OAuth1.percentEncode(parameter.getKey()) + "=" + OAuth1.percentEncode(parameter.getValue()));
        }
        return String.join("&", pairs);
    }
}
