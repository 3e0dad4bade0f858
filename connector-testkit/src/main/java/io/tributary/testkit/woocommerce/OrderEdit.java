package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
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

    /** The billing e-mail, as the customer typed it at checkout. */
    public OrderEdit billingEmail(String email) {
        WooAddress b = order.billing;
        order.billing = new WooAddress(b.firstName(), b.lastName(), b.company(), b.address1(), b.address2(), b.city(),
                b.state(), b.postcode(), b.country(), requireNonNull(email, "email is null"), b.phone());
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

    /**
     * Refunds {@code amount} (a positive decimal string) of the order, as the shop's admin does: it is listed in
     * the order's {@code refunds} (served negative, as WooCommerce does) and no other amount of the order changes.
     */
    public OrderEdit refund(String amount, String reason) {
        BigDecimal value = requireNonNull(WooMoney.parse(amount), "refund amount is required");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("a refund is a positive amount: " + amount);
        }
        order.refunds.add(new WooOrder.Refund(order.id * 100 + order.refunds.size() + 1, reason, value));
        return this;
    }

    public OrderEdit shippingTotal(String amount) {
        order.shippingTotal = requireNonNull(WooMoney.parse(amount), "shipping total is required");
        return this;
    }
}
