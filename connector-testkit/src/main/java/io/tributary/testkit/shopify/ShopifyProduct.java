package io.tributary.testkit.shopify;

import java.time.Instant;
import java.util.List;

/** A product with its variants in the fake shop. Immutable: an edit replaces it. */
public record ShopifyProduct(long id, String title, String handle, String status, String vendor, String productType,
        Instant createdAt, Instant updatedAt, List<ShopifyVariant> variants) {

    public ShopifyProduct {
        variants = List.copyOf(variants);
    }

    public String gid() {
        return "gid://shopify/Product/" + id;
    }

    ShopifyProduct with(List<ShopifyVariant> newVariants, String newTitle, Instant at) {
        return new ShopifyProduct(id, newTitle, handle, status, vendor, productType, createdAt, at, newVariants);
    }
}
