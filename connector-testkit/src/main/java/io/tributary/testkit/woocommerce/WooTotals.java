package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Order arithmetic in exact decimals: each line is taxed at 20 % and rounded to the cent, shipping
 * likewise, and {@code total = lines + shipping + tax - discount} holds to the cent.
 */
final class WooTotals {

    static final BigDecimal TAX_RATE = new BigDecimal("0.20");
    static final String TAX_RATE_PERCENT = "20";
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("50.00");
    private static final BigDecimal FLAT_SHIPPING = new BigDecimal("4.90");

    private WooTotals() {
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal tax(BigDecimal amount) {
        return money(amount.multiply(TAX_RATE));
    }

    static WooLineItem line(int id, String name, int productId, int variationId, int quantity, String sku,
            BigDecimal unitPrice) {
        BigDecimal total = money(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        BigDecimal tax = tax(total);
        // WooCommerce sends price as total / quantity, a PHP float: 12.5 rather than "12.50".
        BigDecimal price = unitPrice.stripTrailingZeros();
        if (price.scale() < 0) {
            price = price.setScale(0);
        }
        return new WooLineItem(id, name, productId, variationId, quantity, sku, price, total, tax, total, tax);
    }

    static BigDecimal shippingFor(BigDecimal itemsTotal) {
        return itemsTotal.compareTo(FREE_SHIPPING_FROM) >= 0 ? money(BigDecimal.ZERO) : FLAT_SHIPPING;
    }

    /** Recomputes the order's tax and totals from its lines and shipping. */
    static void recompute(WooOrder order) {
        BigDecimal items = money(BigDecimal.ZERO);
        BigDecimal cartTax = money(BigDecimal.ZERO);
        for (WooLineItem line : order.lineItems) {
            items = items.add(line.total());
            cartTax = cartTax.add(line.totalTax());
        }
        order.cartTax = cartTax;
        order.shippingTax = tax(order.shippingTotal);
        order.totalTax = cartTax.add(order.shippingTax);
        order.total = items.add(order.shippingTotal).add(order.totalTax).subtract(order.discountTotal);
    }
}
