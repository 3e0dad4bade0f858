package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Changes to one product, applied inside {@link FakeWooCommerce#editProduct}; valid only during
 * that call. Prices are strings with up to two decimals, e.g. {@code "12.50"}.
 */
public final class ProductEdit {

    static final Set<String> STATUSES = Set.of("publish", "draft", "pending", "private", "future", "trash");
    static final Set<String> STOCK_STATUSES = Set.of("instock", "outofstock", "onbackorder");

    private final WooProduct product;

    ProductEdit(WooProduct product) {
        this.product = product;
    }

    public int id() {
        return product.id;
    }

    public ProductEdit name(String name) {
        product.name = requireNonNull(name, "name is null");
        return this;
    }

    public ProductEdit sku(String sku) {
        product.sku = requireNonNull(sku, "sku is null");
        return this;
    }

    /** The regular price of a simple product; a variable product's prices are on its variations. */
    public ProductEdit regularPrice(String price) {
        requireSimple();
        product.regularPrice = requireNonNull(WooMoney.parse(price), "a simple product needs a regular price");
        return this;
    }

    /** The sale price; null or "" ends the sale. */
    public ProductEdit salePrice(String price) {
        requireSimple();
        product.salePrice = WooMoney.parse(price);
        return this;
    }

    /** Manages stock with this quantity; the stock status follows (0 means out of stock). */
    public ProductEdit stockQuantity(int quantity) {
        requireSimple();
        product.manageStock = true;
        product.stockQuantity = quantity;
        product.stockStatus = quantity > 0 ? "instock" : "outofstock";
        return this;
    }

    public ProductEdit stockStatus(String status) {
        if (!STOCK_STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a stock status: " + status);
        }
        product.stockStatus = status;
        return this;
    }

    /** publish, draft, pending, private, future or trash. */
    public ProductEdit status(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a product status: " + status);
        }
        product.status = status;
        return this;
    }

    private void requireSimple() {
        if (product.isVariable()) {
            throw new IllegalStateException("product " + product.id + " is variable; edit its variations instead");
        }
    }
}
