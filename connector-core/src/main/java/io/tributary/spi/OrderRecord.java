package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order with its lines as the central store keeps it. Amounts are exact, in {@link #currency()}. */
public record OrderRecord(
        String externalId,
        String number,
        String status,
        String currency,
        BigDecimal total,
        BigDecimal totalTax,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        String customerEmail,
        String customerName,
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
    }
}
