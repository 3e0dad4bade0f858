package io.tributary.testkit.woocommerce;

import io.tributary.testkit.http.QueryString;
import io.tributary.testkit.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The pagination {@code Link} header of WC_REST_CRUD_Controller::get_items(): the request's own
 * query with {@code page} replaced (or appended), {@code rel="prev"} and {@code rel="next"} only,
 * both in one header separated by a comma. Like WooCommerce, it repeats every query parameter,
 * credentials and OAuth parameters included.
 */
final class WooPaging {

    private WooPaging() {
    }

    static String linkHeader(String home, RecordedRequest request, int page, int maxPages) {
        List<String> links = new ArrayList<>();
        String base = home + request.rawPath().substring(1);
        if (page > 1) {
            int prev = Math.min(page - 1, maxPages);
            links.add("<" + base + "?" + withPage(request.rawQuery(), prev) + ">; rel=\"prev\"");
        }
        if (maxPages > page) {
            links.add("<" + base + "?" + withPage(request.rawQuery(), page + 1) + ">; rel=\"next\"");
        }
        return String.join(", ", links);
    }

    private static String withPage(String rawQuery, int page) {
        List<String> parts = new ArrayList<>();
        boolean replaced = false;
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = QueryString.decode(equals < 0 ? part : part.substring(0, equals));
            if (name.equals("page")) {
                if (!replaced) {
                    parts.add("page=" + page);
                    replaced = true;
                }
            } else {
                parts.add(part);
            }
        }
        if (!replaced) {
            parts.add("page=" + page);
        }
        return String.join("&", parts);
    }
}
