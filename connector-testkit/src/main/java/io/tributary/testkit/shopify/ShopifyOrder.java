package io.tributary.testkit.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order in the fake shop, amounts in the shop's currency. Immutable: an edit replaces it. */
public record ShopifyOrder(long id, String name, String email, String currency, String financialStatus,
        String fulfillmentStatus, Instant createdAt, Instant updatedAt, Instant cancelledAt, BigDecimal shipping,
        BigDecimal tax, BigDecimal discount, List<ShopifyLineItem> lines) {

    public ShopifyOrder {
        lines = List.copyOf(lines);
    }

    public String gid() {
        return "gid://shopify/Order/" + id;
    }

    public BigDecimal subtotal() {
        return lines.stream().map(ShopifyLineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return subtotal().add(shipping).add(tax).subtract(discount);
    }

    ShopifyOrder withStatus(String financial, String fulfillment, Instant at) {
        return new ShopifyOrder(id, name, email, currency, financial, fulfillment, createdAt, at, cancelledAt, shipping,
                tax, discount, lines);
    }
}
