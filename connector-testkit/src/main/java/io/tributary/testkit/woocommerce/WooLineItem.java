package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;

/** An order line: what was bought at which price, with the tax computed when it was ordered. */
record WooLineItem(int id, String name, int productId, int variationId, int quantity, String sku, BigDecimal price,
        BigDecimal subtotal, BigDecimal subtotalTax, BigDecimal total, BigDecimal totalTax) {
}
