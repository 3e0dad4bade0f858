package io.tributary.record;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as read back from the central store.
 *
 * @param deletedAt when a reconciliation pass found it gone from the source; null while it is there
 */
public record StoredProduct(long connectionId, String externalId, String parentExternalId, String sku, String name,
        String type, String status, BigDecimal price, String currency, Integer stockQuantity, Instant createdAt,
        Instant updatedAt, Instant syncedAt, Instant deletedAt) {}
