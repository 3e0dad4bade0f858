package io.tributary.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order with its lines as read back from the central store ({@code refundedTotal}: see {@code OrderRecord}). */
public record StoredOrder(long connectionId, String externalId, String number, String status, String currency,
        BigDecimal total, BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal discountTotal,
        BigDecimal refundedTotal, String customerEmail, String customerName, Instant createdAt, Instant updatedAt, List<Line> lines) {

    /** What the order brought in: its total less what was refunded; null when the total is unknown. */
    public BigDecimal netTotal() {
        return total == null ? null : refundedTotal == null ? total : total.subtract(refundedTotal);
    }

    /** One order line. */
    public record Line(int lineNo, String externalId, String productExternalId, String sku, String name,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal total) {}
}
