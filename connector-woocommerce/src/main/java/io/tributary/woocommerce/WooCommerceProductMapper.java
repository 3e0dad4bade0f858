package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.ProductRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps WooCommerce product and variation JSON to the central product model. Prices stay exact strings. */
final class WooCommerceProductMapper {
    private WooCommerceProductMapper() {}

    static ProductRecord product(JsonNode json, String currency) {
        String id = id(json);
        long parent = json.path("parent_id").asLong(0);
        return new ProductRecord(id, parent > 0 ? Long.toString(parent) : null, Json.text(json, "sku"),
                WooCommerceText.decoded(Json.text(json, "name")), Json.text(json, "type"), Json.text(json, "status"),
                Json.decimal(json, "price", id), currency, Json.integer(json, "stock_quantity", id),
                Json.utcInstant(json, "date_created_gmt", id), modifiedAt(json, id), json.toString());
    }

    /** A variation, stored as a product naming its parent. */
    static ProductRecord variation(JsonNode json, JsonNode parent, String currency) {
        String id = id(json);
        String name = Json.text(json, "name");
        if (name == null) {
            List<String> options = new ArrayList<>();
            json.path("attributes").forEach(a -> options.add(a.path("option").asText()));
            String parentName = Json.text(parent, "name");
            name = options.isEmpty() ? parentName : parentName + " – " + String.join(", ", options);
        }
        return new ProductRecord(id, id(parent), Json.text(json, "sku"), WooCommerceText.decoded(name), "variation",
                Json.text(json, "status"), Json.decimal(json, "price", id), currency,
                Json.integer(json, "stock_quantity", id), Json.utcInstant(json, "date_created_gmt", id),
                modifiedAt(json, id), json.toString());
    }

    static String id(JsonNode json) {
        return Json.positiveId(json, "id", "WooCommerce");
    }

    /** {@code date_modified_gmt}, which every WooCommerce record has; the sync cursor depends on it. */
    static Instant modifiedAt(JsonNode json, String id) {
        Instant modified = Json.utcInstant(json, "date_modified_gmt", id);
        if (modified == null) {
            throw new IllegalArgumentException("WooCommerce record " + id + " has no date_modified_gmt.");
        }
        return modified;
    }
}
