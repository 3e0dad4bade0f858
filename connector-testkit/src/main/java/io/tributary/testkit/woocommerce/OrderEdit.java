package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Changes to one order, applied inside {@link FakeWooCommerce#editOrder}; valid only during that
 * call. Totals are recomputed after the edit.
 */
public final class OrderEdit {

    static final Set<String> STATUSES = Set.of("pending", "processing", "on-hold", "completed", "cancelled", "refunded",
            "failed", "trash");

    private final WooOrder order;
    private final Function<List<OrderLine>, List<WooLineItem>> lines;

    OrderEdit(WooOrder order, Function<List<OrderLine>, List<WooLineItem>> lines) {
        this.order = order;
        this.lines = lines;
    }

    public int id() {
        return order.id;
    }

    /** pending, processing, on-hold, completed, cancelled, refunded, failed or trash. */
    public OrderEdit status(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("not an order status: " + status);
        }
        order.status = status;
        return this;
    }

    public OrderEdit customerNote(String note) {
        order.customerNote = requireNonNull(note, "note is null");
        return this;
    }

    /** Replaces every line; prices come from the catalogue now. */
    public OrderEdit lineItems(List<OrderLine> newLines) {
        if (newLines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        order.lineItems.clear();
        order.lineItems.addAll(lines.apply(newLines));
        return this;
    }

    public OrderEdit shippingTotal(String amount) {
        order.shippingTotal = requireNonNull(WooMoney.parse(amount), "shipping total is required");
        return this;
    }
}
