package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the fake shop holds: products (with their variants) and orders, by id. Lists come sorted as Shopify sorts
 * by {@code UPDATED_AT}: update time, then id. Thread-safe (one lock; the fake is small).
 */
final class ShopifyCatalogue {
    /** Where a page starts: after this update time and id (a decoded connection cursor). */
    record Key(Instant updatedAt, long id) {}

    private final Map<Long, ShopifyProduct> products = new TreeMap<>();
    private final Map<Long, ShopifyOrder> orders = new TreeMap<>();
    /** Nodes served damaged, by GID ({@link FakeShopify#damage}): a broken app or a bad import left them so. */
    private final Map<String, Consumer<ObjectNode>> damage = new ConcurrentHashMap<>();

    void damage(String gid, Consumer<ObjectNode> change) {
        damage.put(gid, change);
    }

    /** A node as rendered, damaged if a test said so (looked up by the GID it was rendered with). */
    ObjectNode served(ObjectNode rendered) {
        damage.getOrDefault(rendered.path("id").asText(""), untouched -> { }).accept(rendered);
        return rendered;
    }

    synchronized void put(ShopifyProduct product) {
        products.put(product.id(), product);
    }

    synchronized void put(ShopifyOrder order) {
        orders.put(order.id(), order);
    }

    synchronized ShopifyProduct product(long id) {
        return products.get(id);
    }

    synchronized ShopifyOrder order(long id) {
        return orders.get(id);
    }

    synchronized List<ShopifyProduct> products() {
        return List.copyOf(products.values());
    }

    synchronized List<ShopifyOrder> orders() {
        return List.copyOf(orders.values());
    }

    /** Up to {@code first} products matching {@code filter}, sorted by update time and id, after {@code after}. */
    synchronized List<ShopifyProduct> productPage(Predicate<Instant> filter, Key after, int first) {
        return page(products.values(), ShopifyProduct::updatedAt, ShopifyProduct::id, filter, after, first);
    }

    synchronized List<ShopifyOrder> orderPage(Predicate<ShopifyOrder> visible, Predicate<Instant> filter, Key after,
            int first) {
        List<ShopifyOrder> seen = orders.values().stream().filter(visible).toList();
        return page(seen, ShopifyOrder::updatedAt, ShopifyOrder::id, filter, after, first);
    }

    private static <T> List<T> page(Iterable<T> all, Function<T, Instant> updated, Function<T, Long> id,
            Predicate<Instant> filter, Key after, int first) {
        List<T> matching = new ArrayList<>();
        for (T item : all) {
            if (filter.test(updated.apply(item))) {
                matching.add(item);
            }
        }
        Comparator<T> order = Comparator.comparing(updated).thenComparing(id);
        matching.sort(order);
        List<T> page = new ArrayList<>();
        for (T item : matching) {
            int cmp = after == null ? 1 : updated.apply(item).compareTo(after.updatedAt());
            if (cmp > 0 || (cmp == 0 && id.apply(item) > after.id())) {
                page.add(item);
                if (page.size() > first) {
                    break;
                }
            }
        }
        return page; // one more than asked when there is a next page
    }

    /** Gives the product's first variant a new price; the variant and the product are both updated. */
    synchronized ShopifyOrder removeOrder(long orderId) {
        ShopifyOrder removed = orders.remove(orderId);
        if (removed == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        return removed;
    }

    synchronized ShopifyProduct remove(long productId) {
        ShopifyProduct removed = products.remove(productId);
        if (removed == null) {
            throw new IllegalArgumentException("no product " + productId);
        }
        return removed;
    }

    synchronized ShopifyProduct reprice(long productId, BigDecimal price, Instant at) {
        ShopifyProduct product = products.get(productId);
        List<ShopifyVariant> variants = new ArrayList<>(product.variants());
        variants.set(0, variants.get(0).withPrice(price, at));
        ShopifyProduct edited = product.with(variants, product.title(), at);
        products.put(productId, edited);
        return edited;
    }

    synchronized ShopifyOrder restatus(long orderId, String financial, String fulfillment, Instant at) {
        ShopifyOrder edited = orders.get(orderId).withStatus(financial, fulfillment, at);
        orders.put(orderId, edited);
        return edited;
    }
}
