package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The paged reads: {@code products}/{@code orders} sorted by {@code UPDATED_AT} (then id) with the
 * {@code updated_at} search, {@code first}/{@code after}, and a nested first page of variants or line items; and
 * the further pages of one product's variants or one order's lines. Returns the objects rendered (the actual cost).
 */
final class ShopifyPages {
    private final ShopifyCatalogue catalogue;
    private final JsonNode vars;

    ShopifyPages(ShopifyCatalogue catalogue, JsonNode vars) {
        this.catalogue = catalogue;
        this.vars = vars;
    }

    int products(ObjectNode data) {
        checkSort();
        List<ShopifyProduct> page = catalogue.productPage(ShopifySearch.updatedFilter(query()),
                ShopifyJson.key(after()), first());
        int nested = vars.path("variants").asInt(0);
        int[] objects = {0};
        data.set("products", roots(page, p -> {
            ObjectNode node = catalogue.served(ShopifyJson.product(p));
            node.set("variants", nestedPage(p.variants(), 0, nested, v -> catalogue.served(ShopifyJson.variant(v))));
            objects[0] += 1 + Math.min(nested, p.variants().size());
            return node;
        }, ShopifyProduct::updatedAt, ShopifyProduct::id));
        return objects[0];
    }

    int orders(ObjectNode data, Predicate<ShopifyOrder> visible) {
        checkSort();
        List<ShopifyOrder> page = catalogue.orderPage(visible, ShopifySearch.updatedFilter(query()),
                ShopifyJson.key(after()), first());
        int nested = vars.path("lines").asInt(0);
        int[] objects = {0};
        data.set("orders", roots(page, o -> {
            ObjectNode node = catalogue.served(ShopifyJson.order(o));
            node.set("lineItems", nestedPage(o.lines(), 0, nested,
                    l -> catalogue.served(ShopifyJson.lineItem(l, o.currency()))));
            objects[0] += 1 + Math.min(nested, o.lines().size());
            return node;
        }, ShopifyOrder::updatedAt, ShopifyOrder::id));
        return objects[0];
    }

    int variants(ObjectNode data) {
        ShopifyProduct product = catalogue.product(idOf(vars.path("id").asText()));
        if (product == null) {
            data.putNull("product");
            return 0;
        }
        ObjectNode node = data.putObject("product").put("id", product.gid());
        node.set("variants", nestedPage(product.variants(), ShopifyJson.offset(after()), first(),
                v -> catalogue.served(ShopifyJson.variant(v))));
        return Math.min(first(), product.variants().size());
    }

    int lines(ObjectNode data) {
        ShopifyOrder order = catalogue.order(idOf(vars.path("id").asText()));
        if (order == null) {
            data.putNull("order");
            return 0;
        }
        ObjectNode node = data.putObject("order").put("id", order.gid());
        node.set("lineItems", nestedPage(order.lines(), ShopifyJson.offset(after()), first(),
                l -> catalogue.served(ShopifyJson.lineItem(l, order.currency()))));
        return Math.min(first(), order.lines().size());
    }

    private <T> ObjectNode roots(List<T> oneMore, Function<T, ObjectNode> render,
            Function<T, java.time.Instant> updated, Function<T, Long> id) {
        boolean hasNext = oneMore.size() > first();
        List<T> page = hasNext ? oneMore.subList(0, first()) : oneMore;
        List<ObjectNode> nodes = new ArrayList<>();
        page.forEach(item -> nodes.add(render.apply(item)));
        T last = page.isEmpty() ? null : page.get(page.size() - 1);
        return ShopifyJson.connection(nodes, hasNext,
                last == null ? null : ShopifyJson.cursor(updated.apply(last), id.apply(last)));
    }

    private static <T> ObjectNode nestedPage(List<T> all, int offset, int first, Function<T, ObjectNode> render) {
        int end = Math.min(all.size(), offset + first);
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = offset; i < end; i++) {
            nodes.add(render.apply(all.get(i)));
        }
        return ShopifyJson.connection(nodes, end < all.size(), end > offset ? ShopifyJson.offsetCursor(end) : null);
    }

    private void checkSort() {
        if (!"UPDATED_AT".equals(vars.path("sortKey").asText(null))) {
            throw new IllegalArgumentException("The fake Shopify pages products and orders by sortKey UPDATED_AT only.");
        }
    }

    private int first() {
        int first = vars.path("first").asInt(0);
        if (first < 1 || first > 250) {
            throw new IllegalArgumentException("first must be between 1 and 250, got " + first + ".");
        }
        return first;
    }

    private String after() {
        JsonNode after = vars.get("after");
        return after == null || after.isNull() ? null : after.asText();
    }

    private String query() {
        JsonNode query = vars.get("query");
        return query == null || query.isNull() ? null : query.asText();
    }

    private static long idOf(String gid) {
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }
}
