package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.ProductRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Maps one item of {@code GET /V1/products} to the central product model: {@code id}, {@code sku}, {@code name},
 * {@code type_id}, status 1/2 as {@code enabled}/{@code disabled}, the exact price in the store view's base
 * currency (none for a configurable parent), and the parent configurable for a child. Visibility, custom attributes and everything else stay in
 * the raw JSON. Stock is not in Magento's list answers, so it is left unknown.
 */
final class MagentoProductMapper {
    static final String CONFIGURABLE = "configurable";

    private MagentoProductMapper() {}

    static ProductRecord product(JsonNode json, String parentId, String currency) {
        String id = id(json, "id");
        String type = Json.text(json, "type_id");
        // a configurable product has no price of its own: Magento sends 0 and sells at its children's prices, so it
        // is stored with none, as a WooCommerce variable parent is (one rule for every parent priced by children)
        BigDecimal price = CONFIGURABLE.equals(type) ? null
                : MagentoAmounts.amount(json, "price", id, MagentoAmounts.PRICE_SCALE);
        return new ProductRecord(id, parentId, Json.text(json, "sku"), Json.text(json, "name"), type, status(json),
                price, currency, null, Json.utcInstant(json, "created_at", id), updatedAt(json, id), json.toString());
    }

    private static String status(JsonNode json) {
        String status = Json.text(json, "status");
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "1" -> "enabled";
            case "2" -> "disabled";
            default -> status;
        };
    }

    /** A record's numeric id field ({@code id} for products, {@code entity_id} for orders) as text. */
    static String id(JsonNode json, String field) {
        return Json.positiveId(json, field, "Magento");
    }

    /** {@code updated_at} (UTC, no zone designator), which the sync cursor depends on. */
    static Instant updatedAt(JsonNode json, String id) {
        Instant updated = Json.utcInstant(json, "updated_at", id);
        if (updated == null) {
            throw new IllegalArgumentException("Magento record " + id + " has no updated_at.");
        }
        return updated;
    }
}
