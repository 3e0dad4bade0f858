package io.tributary.testkit.woocommerce;

/**
 * A line to put in an order made or edited by a test: a simple product ({@code variationId} 0) or
 * a variation of a variable product. Name, SKU and price are taken from the catalogue at that moment.
 */
public record OrderLine(int productId, int variationId, int quantity) {

    public OrderLine {
        if (productId <= 0 || variationId < 0) {
            throw new IllegalArgumentException("productId must be positive and variationId not negative");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    public static OrderLine of(int productId, int quantity) {
        return new OrderLine(productId, 0, quantity);
    }
}
