package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

/** Changes to one variation, applied inside {@link FakeWooCommerce#editVariation}; valid only during that call. */
public final class VariationEdit {

    private final WooVariation variation;

    VariationEdit(WooVariation variation) {
        this.variation = variation;
    }

    public int id() {
        return variation.id;
    }

    public VariationEdit sku(String sku) {
        variation.sku = requireNonNull(sku, "sku is null");
        return this;
    }

    public VariationEdit regularPrice(String price) {
        variation.regularPrice = requireNonNull(WooMoney.parse(price), "a variation needs a regular price");
        return this;
    }

    /** The sale price; null or "" ends the sale. */
    public VariationEdit salePrice(String price) {
        variation.salePrice = WooMoney.parse(price);
        return this;
    }

    public VariationEdit stockQuantity(int quantity) {
        variation.manageStock = true;
        variation.stockQuantity = quantity;
        variation.stockStatus = quantity > 0 ? "instock" : "outofstock";
        return this;
    }

    public VariationEdit stockStatus(String status) {
        if (!ProductEdit.STOCK_STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a stock status: " + status);
        }
        variation.stockStatus = status;
        return this;
    }

    /** publish (enabled) or private (disabled). */
    public VariationEdit status(String status) {
        if (!status.equals("publish") && !status.equals("private")) {
            throw new IllegalArgumentException("a variation is publish or private, not " + status);
        }
        variation.status = status;
        return this;
    }
}
