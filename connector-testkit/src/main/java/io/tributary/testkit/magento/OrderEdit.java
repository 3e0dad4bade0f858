package io.tributary.testkit.magento;

/** Changes to one order, applied under the catalogue's lock and saved with a new {@code updated_at}. */
public final class OrderEdit {
    private final MagentoOrder order;

    OrderEdit(MagentoOrder order) {
        this.order = order;
    }

    /** A new state and status, e.g. {@code ("processing", "processing")} or {@code ("complete", "complete")}. */
    public OrderEdit status(String state, String status) {
        order.state = state;
        order.status = status;
        return this;
    }

    public OrderEdit customerEmail(String email) {
        order.customerEmail = email;
        return this;
    }
}
