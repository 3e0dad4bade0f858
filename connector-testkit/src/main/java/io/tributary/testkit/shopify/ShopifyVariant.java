package io.tributary.testkit.shopify;

import java.math.BigDecimal;
import java.time.Instant;

/** A product variant in the fake shop. Immutable: an edit replaces it. */
public record ShopifyVariant(long id, long productId, String title, String sku, BigDecimal price,
        BigDecimal compareAtPrice, int inventoryQuantity, Instant createdAt, Instant updatedAt) {

    public String gid() {
        return "gid://shopify/ProductVariant/" + id;
    }

    ShopifyVariant withPrice(BigDecimal newPrice, Instant at) {
        return new ShopifyVariant(id, productId, title, sku, newPrice, compareAtPrice, inventoryQuantity, createdAt, at);
    }
}
