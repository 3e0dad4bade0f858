package io.tributary.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** One order of a customer, as a customer's page lists it (the order itself: {@code GET /api/v1/orders}). */
public record CustomerOrder(String storeCode, long connectionId, String connectionName, String externalId,
        String number, String status, String currency, BigDecimal total, BigDecimal refundedTotal,
        String customerEmail, String customerPhone, String customerName, Instant createdAt) {}
