package io.tributary.testkit.magento;

import java.math.BigDecimal;

/** Changes to one product, applied under the catalogue's lock and saved with a new {@code updated_at}. */
public final class ProductEdit {
    private final MagentoProduct product;

    ProductEdit(MagentoProduct product) {
        this.product = product;
    }

    public ProductEdit price(String price) {
        product.price = new BigDecimal(price);
        return this;
    }

    public ProductEdit name(String name) {
        product.name = name;
        return this;
    }

    public ProductEdit enabled(boolean enabled) {
        product.status = enabled ? 1 : 2;
        return this;
    }
}
