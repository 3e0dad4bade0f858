package io.tributary.record;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as read back from the central store. */
public record StoredProduct(long connectionId, String externalId, String parentExternalId, String sku, String name,
        String type, String status, BigDecimal price, String currency, Integer stockQuantity, Instant createdAt,
        Instant updatedAt, Instant syncedAt) {}
