package io.tributary.testkit.magento;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code catalog_product_entity} with the attributes the fake serves. Mutable; the catalogue
 * guards it with its lock. Times are epoch seconds (UTC), as Magento keeps {@code updated_at}.
 */
final class MagentoProduct {
    final int id;
    final String typeId;
    String sku;
    String name;
    int status = 1;
    int visibility = 4;
    int attributeSetId = 4;
    BigDecimal price;
    BigDecimal specialPrice;
    BigDecimal weight;
    String urlKey;
    String description;
    List<Integer> categoryIds = new ArrayList<>();
    List<Integer> websiteIds = new ArrayList<>(List.of(1));
    long createdAt;
    long updatedAt;
    /** For a configurable product: its children, in link order. */
    final List<Integer> childIds = new ArrayList<>();
    /** For a configurable product: the attribute its children differ in; for a child, that attribute's value. */
    String optionAttribute;
    String optionValue;
    int optionValueId;

    MagentoProduct(int id, String typeId) {
        this.id = id;
        this.typeId = typeId;
    }

    boolean isConfigurable() {
        return "configurable".equals(typeId);
    }

    /** What a buyer pays: the special price when there is one, else the price. */
    BigDecimal finalPrice() {
        return specialPrice != null && specialPrice.compareTo(price) < 0 ? specialPrice : price;
    }
}
