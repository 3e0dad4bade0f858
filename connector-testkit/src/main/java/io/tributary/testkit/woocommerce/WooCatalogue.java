package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.FakeData;
import io.tributary.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake shop's data: products, variations and orders and one post id sequence. Every change bumps a version, which retires cached query results, so a
 * sync that pages while the shop is edited sees the shifted pages a real database would give.
 */
final class WooCatalogue extends FakeData {

    /** Which table a selection runs on. */
    enum Kind { PRODUCTS, VARIATIONS, ORDERS }

    private static final int CACHED_SELECTIONS = 16;

    private final WooTime time;
    private final WooTable<WooProduct> products = new WooTable<>(true);
    private final WooTable<WooVariation> variations = new WooTable<>(true);
    // HPOS tables, as on new shops since WooCommerce 8.2: orders sort by the GMT column
    private final WooTable<WooOrder> orders = new WooTable<>(false);
    private final Map<Object, int[]> cache = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, int[]> eldest) {
            return size() > CACHED_SELECTIONS;
        }
    };
    private int nextPostId;
    private int nextItemId;

    private record CacheKey(Kind kind, WooSelection selection, long version) {
    }

    WooCatalogue(WooTime time, MutableClock clock, Duration editTick) {
        super(clock, editTick);
        this.time = requireNonNull(time, "time is null");
    }

    WooTime time() {
        return time;
    }

    WooTable<WooProduct> products() {
        return products;
    }

    WooTable<WooVariation> variations() {
        return variations;
    }

    WooTable<WooOrder> orders() {
        return orders;
    }

    /** The selected ids in order; call under the read lock. Reuses the result while nothing changed. */
    int[] select(Kind kind, WooSelection selection) {
        CacheKey key = new CacheKey(kind, selection, version());
        synchronized (cache) {
            int[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        WooTable<?> table = switch (kind) {
            case PRODUCTS -> products;
            case VARIATIONS -> variations;
            case ORDERS -> orders;
        };
        int[] ids = selection.isKeysetAfterModification()
                ? table.selectAfterModification(selection, select(kind, selection.withoutModifiedAfter()))
                : table.select(selection);
        synchronized (cache) {
            cache.put(key, ids);
        }
        return ids;
    }

    /** Sets the id counters after the seed; call under the write lock. */
    void counters(int postId, int itemId) {
        this.nextPostId = postId;
        this.nextItemId = itemId;
    }

    int allocatePostId() {
        return nextPostId++;
    }

    int allocateItemId() {
        return nextItemId++;
    }

    void touch(WooProduct product, long stamp) {
        products.retime(product, () -> product.modified(stamp, time));
    }

    void touch(WooVariation variation, long stamp) {
        variations.retime(variation, () -> variation.modified(stamp, time));
    }

    void touch(WooOrder order, long stamp) {
        orders.retime(order, () -> order.modified(stamp, time));
    }

    /** Recomputes a variable product's price, sale flag and stock status from its variations. */
    void syncVariable(WooProduct product) {
        if (!product.isVariable()) {
            return;
        }
        BigDecimal min = null;
        boolean onSale = false;
        String stock = "outofstock";
        for (int id : product.variationIds) {
            WooVariation variation = variations.get(id);
            if (variation == null || !"publish".equals(variation.status)) {
                continue;
            }
            BigDecimal price = variation.activePrice();
            if (price != null && (min == null || price.compareTo(min) < 0)) {
                min = price;
            }
            onSale |= variation.salePrice != null;
            if ("instock".equals(variation.stockStatus) || ("onbackorder".equals(variation.stockStatus)
                    && !"instock".equals(stock))) {
                stock = variation.stockStatus;
            }
        }
        product.variationsMinPrice = min;
        product.variationsOnSale = onSale;
        product.variationsStockStatus = stock;
    }
}
