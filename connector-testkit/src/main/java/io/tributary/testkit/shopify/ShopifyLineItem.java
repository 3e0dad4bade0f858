package io.tributary.testkit.shopify;

import java.math.BigDecimal;

/** One line of an order in the fake shop: a variant bought, at its price when the order was placed. */
public record ShopifyLineItem(long id, long productId, long variantId, String sku, String name, int quantity,
        BigDecimal unitPrice) {

    public String gid() {
        return "gid://shopify/LineItem/" + id;
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
