package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.Json;
import io.tributary.spi.ProductRecord;
import java.time.Instant;
import java.util.Locale;

/**
 * Maps a product and its variants to the central model. The product is stored without a price, SKU or stock (those
 * belong to its variants) and with type {@code product}; each variant is stored as a product of type
 * {@code variant} naming the product as its parent, with the product's title and its own ("Mug - Blue"; Shopify's
 * "Default Title" left out), its exact price in the shop's currency and its inventory quantity. External ids are
 * Shopify's GIDs. Status is Shopify's product status in lower case (active, draft, archived), the variant's its
 * product's. The raw JSON is the node as read (the product without its variants).
 */
final class ShopifyProductMapper {
    private ShopifyProductMapper() {}

    static ProductRecord product(JsonNode product, String currency) {
        String id = ShopifyIds.gid(product, "Product");
        ObjectNode raw = product.deepCopy();
        raw.remove("variants");
        return new ProductRecord(id, null, null, Json.text(product, "title"), "product", status(product), null,
                currency, null, Json.utcInstant(product, "createdAt", id), updatedAt(product, id), raw.toString());
    }

    static ProductRecord variant(JsonNode variant, JsonNode product, String currency) {
        String id = ShopifyIds.gid(variant, "ProductVariant");
        String title = Json.text(variant, "title");
        String productTitle = Json.text(product, "title");
        String name = title == null || title.equals("Default Title") ? productTitle
                : productTitle == null ? title : productTitle + " - " + title;
        return new ProductRecord(id, ShopifyIds.gid(product, "Product"), Json.text(variant, "sku"), name, "variant",
                status(product), Json.decimal(variant, "price", id), currency,
                Json.integer(variant, "inventoryQuantity", id), Json.utcInstant(variant, "createdAt", id),
                updatedAt(variant, id), variant.toString());
    }

    private static String status(JsonNode product) {
        String status = Json.text(product, "status");
        return status == null ? null : status.toLowerCase(Locale.ROOT);
    }

    /** {@code updatedAt}, which the cursor depends on. */
    static Instant updatedAt(JsonNode node, String id) {
        Instant updated = Json.utcInstant(node, "updatedAt", id);
        if (updated == null) {
            throw new IllegalArgumentException("Shopify record " + id + " has no updatedAt.");
        }
        return updated;
    }
}
