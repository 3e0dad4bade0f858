package io.tributary.testkit.magento;

import io.tributary.testkit.FakeData;
import io.tributary.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The fake shop's tables: products, orders and customers by entity id, and the id sequences. Readers take a consistent
 * snapshot of the rows a query selects; edits take the write lock.
 */
final class MagentoCatalogue extends FakeData {
    private final TreeMap<Integer, MagentoProduct> products = new TreeMap<>();
    private final TreeMap<Integer, MagentoOrder> orders = new TreeMap<>();
    private final TreeMap<Integer, MagentoCustomer> customers = new TreeMap<>();
    private int nextProductId = 1;
    private int nextOrderId = 1;
    private int nextItemId = 1;

    MagentoCatalogue(MutableClock clock, Duration editTick) {
        super(clock, editTick);
    }

    TreeMap<Integer, MagentoProduct> products() {
        return products;
    }

    TreeMap<Integer, MagentoOrder> orders() {
        return orders;
    }

    TreeMap<Integer, MagentoCustomer> customers() {
        return customers;
    }

    MagentoCustomer customer(int id) {
        MagentoCustomer customer = customers.get(id);
        if (customer == null) {
            throw new IllegalArgumentException("no customer " + id);
        }
        return customer;
    }

    /** The next customer id: past every customer (and every customer id an order names). */
    int allocateCustomerId() {
        int highest = customers.isEmpty() ? 0 : customers.lastKey();
        for (MagentoOrder order : orders.values()) {
            if (order.customerId != null) {
                highest = Math.max(highest, order.customerId);
            }
        }
        return highest + 1;
    }

    /** The next customer address id. */
    int allocateAddressId() {
        int highest = 0;
        for (MagentoCustomer customer : customers.values()) {
            for (MagentoCustomer.Address address : customer.addresses) {
                highest = Math.max(highest, address.id());
            }
        }
        return highest + 1;
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
}
