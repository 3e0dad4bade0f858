package io.tributary.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines as read back from the central store ({@code refundedTotal}: see {@code OrderRecord};
 * {@code deletedAt}: when a reconciliation pass found it gone from the source, null while it is there).
 *
 * @param customerId the customer the order was attached to (see {@code io.tributary.customer}); null when it names
 *                   no usable e-mail or phone
 */
public record StoredOrder(long connectionId, String externalId, String number, String status, String currency,
        BigDecimal total, BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal discountTotal,
        BigDecimal refundedTotal, String customerEmail, String customerName, String customerPhone, Long customerId,
        Instant createdAt, Instant updatedAt, Instant deletedAt, List<Line> lines) {

    /** What the order brought in: its total less what was refunded; null when the total is unknown. */
    public BigDecimal netTotal() {
        return total == null ? null : refundedTotal == null ? total : total.subtract(refundedTotal);
    }

    /** One order line. */
    public record Line(int lineNo, String externalId, String productExternalId, String sku, String name,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal total) {}
}
