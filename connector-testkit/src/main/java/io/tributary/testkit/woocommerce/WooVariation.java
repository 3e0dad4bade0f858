package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;

/** One variation of a variable product: its own SKU, price, stock and times. */
final class WooVariation extends WooPost {

    final int parentId;
    String sku = "";
    String option;
    BigDecimal regularPrice;
    BigDecimal salePrice;
    boolean manageStock;
    Integer stockQuantity;
    String stockStatus = "instock";
    String weight = "";
    int menuOrder;

    WooVariation(int id, int parentId, String status) {
        super(id, status);
        this.parentId = parentId;
    }

    BigDecimal activePrice() {
        return salePrice != null ? salePrice : regularPrice;
    }

    @Override
    String title() {
        return option;
    }

    @Override
    String slug() {
        return "product-" + parentId + "-variation-" + id;
    }
}
