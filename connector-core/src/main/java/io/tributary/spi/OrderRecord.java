package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines as the central store keeps it. Amounts are exact, in {@link #currency()}.
 *
 * @param refundedTotal what was refunded of the order so far, a positive amount (zero when nothing was, null when
 *                      the system does not say); {@code total} stays what was charged, so the net is the difference
 * @param customerPhone the customer's (billing) phone as the system has it, in whatever format; null when none
 */
public record OrderRecord(
        String externalId,
        String number,
        String status,
        String currency,
        BigDecimal total,
        BigDecimal totalTax,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        BigDecimal refundedTotal,
        String customerEmail,
        String customerName,
        String customerPhone,
        Instant createdAt,
        Instant modifiedAt,
        List<OrderLineRecord> lines,
        String rawJson)
        implements SourceRecord {

    public OrderRecord {
        requireNonNull(externalId, "externalId is null");
        requireNonNull(rawJson, "rawJson is null");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("An order without an id cannot be stored.");
        }
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        total = Amounts.checked("total", externalId, total);
        totalTax = Amounts.checked("total tax", externalId, totalTax);
        shippingTotal = Amounts.checked("shipping total", externalId, shippingTotal);
        discountTotal = Amounts.checked("discount total", externalId, discountTotal);
        refundedTotal = Amounts.checked("refunded total", externalId, refundedTotal);
    }

    /** An order whose system gives no customer phone. */
    public OrderRecord(String externalId, String number, String status, String currency, BigDecimal total,
            BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal discountTotal, BigDecimal refundedTotal,
            String customerEmail, String customerName, Instant createdAt, Instant modifiedAt,
            List<OrderLineRecord> lines, String rawJson) {
        this(externalId, number, status, currency, total, totalTax, shippingTotal, discountTotal, refundedTotal,
                customerEmail, customerName, null, createdAt, modifiedAt, lines, rawJson);
    }

    /** An order of a system that tells nothing of refunds. */
    public OrderRecord(String externalId, String number, String status, String currency, BigDecimal total,
            BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal discountTotal, String customerEmail,
            String customerName, Instant createdAt, Instant modifiedAt, List<OrderLineRecord> lines, String rawJson) {
        this(externalId, number, status, currency, total, totalTax, shippingTotal, discountTotal, null, customerEmail,
                customerName, null, createdAt, modifiedAt, lines, rawJson);
    }
}
