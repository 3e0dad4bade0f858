package io.tributary.testkit.magento;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code sales_order} with its items and addresses. Totals are kept consistent by
 * {@link #recomputeTotals()}: subtotal is the sum of the row totals of top-level items, grand total is
 * subtotal + shipping + tax + discount (Magento keeps the discount negative).
 */
final class MagentoOrder {
    final int id;
    String incrementId;
    String state;
    String status;
    /** Comments added to the order ({@code status_histories}), oldest first: comment and status. */
    final List<String[]> comments = new ArrayList<>();
    int storeId = 1;
    long createdAt;
    long updatedAt;
    String currency = "EUR";
    String customerEmail;
    String customerFirstname;
    String customerLastname;
    boolean guest;
    Integer customerId;
    String[] place;
    String paymentMethod;
    String shippingMethod;
    BigDecimal shippingAmount = BigDecimal.ZERO;
    BigDecimal discountAmount = BigDecimal.ZERO;
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal taxAmount = BigDecimal.ZERO;
    BigDecimal grandTotal = BigDecimal.ZERO;
    final List<MagentoOrderItem> items = new ArrayList<>();

    MagentoOrder(int id) {
        this.id = id;
    }

    void recomputeTotals() {
        BigDecimal sub = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (MagentoOrderItem item : items) {
            if (!item.isChild()) {
                sub = sub.add(item.rowTotal());
                tax = tax.add(item.taxAmount());
            }
        }
        subtotal = sub;
        taxAmount = tax;
        grandTotal = sub.add(shippingAmount).add(tax).add(discountAmount);
    }
}
