package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order with its lines and totals; totals are kept consistent by {@link WooTotals}. */
final class WooOrder extends WooPost {

    String currency = "EUR";
    String orderKey;
    int customerId;
    WooAddress billing;
    WooAddress shipping;
    String paymentMethod;
    String paymentMethodTitle;
    String transactionId = "";
    String customerNote = "";
    String customerIpAddress = "";
    Long datePaidGmt;
    Long dateCompletedGmt;
    final List<WooLineItem> lineItems = new ArrayList<>();
    /** Refunds, oldest first: what was given back, as a positive amount (served negative, as WooCommerce does). */
    final List<Refund> refunds = new ArrayList<>();

    record Refund(int id, String reason, BigDecimal amount) {}
    int shippingLineId;
    int taxLineId;
    BigDecimal shippingTotal = BigDecimal.ZERO.setScale(2);
    BigDecimal shippingTax = BigDecimal.ZERO.setScale(2);
    BigDecimal cartTax = BigDecimal.ZERO.setScale(2);
    BigDecimal totalTax = BigDecimal.ZERO.setScale(2);
    BigDecimal discountTotal = BigDecimal.ZERO.setScale(2);
    BigDecimal total = BigDecimal.ZERO.setScale(2);

    WooOrder(int id, String status) {
        super(id, status);
    }

    @Override
    String title() {
        return "Order &ndash; " + id;
    }

    @Override
    String slug() {
        return "order-" + id;
    }
}
