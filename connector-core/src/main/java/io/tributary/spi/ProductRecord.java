package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product or a variation as the central store keeps it.
 *
 * @param parentExternalId for a variation, the external id of the product it belongs to; null otherwise
 * @param price            the current selling price, exact; null when the source has none
 * @param currency         ISO 4217 code, or null when the system does not tell
 * @param stockQuantity    units in stock, or null when stock is not managed
 */
public record ProductRecord(
        String externalId,
        String parentExternalId,
        String sku,
        String name,
        String type,
        String status,
        BigDecimal price,
        String currency,
        Integer stockQuantity,
        Instant createdAt,
        Instant modifiedAt,
        String rawJson)
        implements SourceRecord {

    public ProductRecord {
        requireNonNull(externalId, "externalId is null");
        requireNonNull(rawJson, "rawJson is null");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("A product without an id cannot be stored.");
        }
        price = Amounts.checked("price", externalId, price);
    }
}
