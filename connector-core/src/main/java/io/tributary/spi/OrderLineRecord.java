package io.tributary.spi;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param externalId        the source's id of the line, or null when it has none
 * @param productExternalId the ordered product's (or variation's) external id, or null
 */
public record OrderLineRecord(
        String externalId,
        String productExternalId,
        String sku,
        String name,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal total) {

    public OrderLineRecord {
        String id = externalId == null ? "line" : "line " + externalId;
        quantity = Amounts.checked("quantity", id, quantity);
        unitPrice = Amounts.checked("unit price", id, unitPrice);
        total = Amounts.checked("total", id, total);
    }
}
