package io.tributary.testkit.magento;

import io.tributary.time.MutableClock;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The fake shop's tables — products and orders by entity id — the shop clock and one read/write lock.
 * Readers take a consistent snapshot of the rows a query selects; edits take the write lock.
 */
final class MagentoCatalogue {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final MutableClock clock;
    private final Duration editTick;
    private final TreeMap<Integer, MagentoProduct> products = new TreeMap<>();
    private final TreeMap<Integer, MagentoOrder> orders = new TreeMap<>();
    private int nextProductId = 1;
    private int nextOrderId = 1;
    private int nextItemId = 1;
    private long lastStamp;

    MagentoCatalogue(MutableClock clock, Duration editTick) {
        this.clock = requireNonNull(clock, "clock is null");
        this.editTick = requireNonNull(editTick, "editTick is null");
    }

    MutableClock clock() {
        return clock;
    }

    <R> R read(Supplier<R> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <R> R write(Supplier<R> writer) {
        lock.writeLock().lock();
        try {
            return writer.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void run(Runnable writer) {
        write(() -> {
            writer.run();
            return null;
        });
    }

    TreeMap<Integer, MagentoProduct> products() {
        return products;
    }

    TreeMap<Integer, MagentoOrder> orders() {
        return orders;
    }

    MagentoProduct product(int id) {
        MagentoProduct product = products.get(id);
        if (product == null) {
            throw new IllegalArgumentException("no product " + id);
        }
        return product;
    }

    MagentoOrder order(int id) {
        MagentoOrder order = orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        return order;
    }

    /** The configurable products a product is a child of, ascending. */
    List<Integer> parentsOf(int childId) {
        List<Integer> parents = new ArrayList<>();
        for (MagentoProduct product : products.values()) {
            if (product.childIds.contains(childId)) {
                parents.add(product.id);
            }
        }
        return parents;
    }

    int allocateProductId() {
        return nextProductId++;
    }

    int allocateOrderId() {
        return nextOrderId++;
    }

    int allocateItemId() {
        return nextItemId++;
    }

    /** Sets the id sequences after seeding. */
    void sequences(int productId, int orderId, int itemId) {
        nextProductId = productId;
        nextOrderId = orderId;
        nextItemId = itemId;
    }

    /**
     * The {@code updated_at} of an edit saved now: the shop clock in whole seconds (a MySQL TIMESTAMP),
     * never before the previous edit. Moves the clock on by the edit tick, if any.
     */
    long stamp() {
        long stamp = Math.max(clock.instant().getEpochSecond(), lastStamp);
        lastStamp = stamp;
        if (!editTick.isZero()) {
            clock.advance(editTick);
        }
        return stamp;
    }
}
