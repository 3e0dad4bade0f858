package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A simple or variable product. Prices of a variable product live on its variations. */
final class WooProduct extends WooPost {

    String name;
    String slug;
    String type;
    String sku = "";
    String description = "";
    String shortDescription = "";
    boolean featured;
    BigDecimal regularPrice;
    BigDecimal salePrice;
    boolean manageStock;
    Integer stockQuantity;
    String stockStatus = "instock";
    String weight = "";
    int totalSales;
    int menuOrder;
    WooCategory category;
    String attributeName;
    final List<String> attributeOptions = new ArrayList<>();
    final List<Integer> variationIds = new ArrayList<>();
    /** For a variable product, synced from its variations the way WC_Product_Variable::sync() does. */
    BigDecimal variationsMinPrice;
    boolean variationsOnSale;
    String variationsStockStatus = "outofstock";

    WooProduct(int id, String status) {
        super(id, status);
    }

    boolean isVariable() {
        return "variable".equals(type);
    }

    BigDecimal activePrice() {
        if (isVariable()) {
            return variationsMinPrice;
        }
        return salePrice != null ? salePrice : regularPrice;
    }

    boolean onSale() {
        return isVariable() ? variationsOnSale : salePrice != null;
    }

    String effectiveStockStatus() {
        return isVariable() ? variationsStockStatus : stockStatus;
    }

    @Override
    String title() {
        return name;
    }

    @Override
    String slug() {
        return slug;
    }
}
