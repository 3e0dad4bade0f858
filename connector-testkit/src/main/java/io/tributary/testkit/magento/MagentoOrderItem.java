package io.tributary.testkit.magento;

import java.math.BigDecimal;

/**
 * One row of {@code sales_order_item}. A configurable product ordered gives two rows: the parent (type
 * {@code configurable}, with the price, the child's SKU and the parent's product id) and the child (type
 * {@code simple}, price 0, {@code parent_item_id} pointing at the parent row).
 */
record MagentoOrderItem(
        int itemId,
        Integer parentItemId,
        int productId,
        String productType,
        String sku,
        String name,
        BigDecimal qtyOrdered,
        BigDecimal price,
        BigDecimal rowTotal,
        BigDecimal taxPercent,
        BigDecimal taxAmount,
        BigDecimal discountAmount) {

    boolean isChild() {
        return parentItemId != null;
    }
}
