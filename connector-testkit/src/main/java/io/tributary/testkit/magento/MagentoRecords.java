package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Products and orders as Magento's REST API renders them ({@code ProductInterface}, {@code OrderInterface}):
 * snake_case keys, {@code custom_attributes} as a list of {@code {attribute_code, value}} with values as
 * strings, amounts as JSON numbers, and on an order's child item the whole parent item again under
 * {@code parent_item}. The list answers carry no stock: {@code extension_attributes.stock_item} appears only
 * on a single product read by SKU.
 */
final class MagentoRecords {

    private final boolean legacyPrecision;

    MagentoRecords(boolean legacyPrecision) {
        this.legacyPrecision = legacyPrecision;
    }

    ObjectNode product(MagentoProduct p, boolean withStock, int stockQty) {
        ObjectNode json = MagentoJson.NODES.objectNode();
        json.put("id", p.id);
        json.put("sku", p.sku);
        json.put("name", p.name);
        json.put("attribute_set_id", p.attributeSetId);
        MagentoJson.putNumber(json, "price", p.price, legacyPrecision);
        json.put("status", p.status);
        json.put("visibility", p.visibility);
        json.put("type_id", p.typeId);
        json.put("created_at", MagentoJson.time(p.createdAt));
        json.put("updated_at", MagentoJson.time(p.updatedAt));
        if (p.weight != null) {
            MagentoJson.putNumber(json, "weight", p.weight, legacyPrecision);
        }
        ObjectNode extension = json.putObject("extension_attributes");
        ArrayNode websites = extension.putArray("website_ids");
        p.websiteIds.forEach(websites::add);
        ArrayNode categories = extension.putArray("category_links");
        for (int category : p.categoryIds) {
            categories.addObject().put("position", 0).put("category_id", Integer.toString(category));
        }
        if (p.isConfigurable()) {
            ArrayNode options = extension.putArray("configurable_product_options");
            ObjectNode option = options.addObject();
            option.put("id", 1000 + p.id);
            option.put("attribute_id", Integer.toString(attributeId(p.optionAttribute)));
            option.put("label", p.optionAttribute);
            option.put("position", 0);
            ArrayNode values = option.putArray("values");
            for (int i = 0; i < p.childIds.size(); i++) {
                values.addObject().put("value_index", 100 + i);
            }
            option.put("product_id", p.id);
            ArrayNode links = extension.putArray("configurable_product_links");
            p.childIds.forEach(links::add);
        }
        if (withStock) {
            ObjectNode stock = extension.putObject("stock_item");
            stock.put("item_id", p.id);
            stock.put("product_id", p.id);
            stock.put("stock_id", 1);
            stock.put("qty", stockQty);
            stock.put("is_in_stock", stockQty > 0);
        }
        json.putArray("product_links");
        json.putArray("options");
        json.putArray("media_gallery_entries");
        json.putArray("tier_prices");
        ArrayNode custom = json.putArray("custom_attributes");
        attribute(custom, "url_key", p.urlKey);
        attribute(custom, "description", p.description);
        ArrayNode categoryIds = custom.addObject().put("attribute_code", "category_ids").putArray("value");
        p.categoryIds.forEach(c -> categoryIds.add(Integer.toString(c)));
        if (p.specialPrice != null) {
            attribute(custom, "special_price", p.specialPrice.setScale(6).toPlainString());
        }
        if (p.optionValue != null) {
            attribute(custom, p.optionAttribute, Integer.toString(p.optionValueId));
        }
        attribute(custom, "tax_class_id", "2");
        return json;
    }

    private static void attribute(ArrayNode custom, String code, String value) {
        custom.addObject().put("attribute_code", code).put("value", value);
    }

    private static int attributeId(String code) {
        return 90 + Math.floorMod(code.hashCode(), 100);
    }

    ObjectNode order(MagentoOrder o) {
        ObjectNode json = MagentoJson.NODES.objectNode();
        String[] place = o.place;
        json.put("base_currency_code", o.currency);
        number(json, "base_discount_amount", o.discountAmount);
        number(json, "base_grand_total", o.grandTotal);
        number(json, "base_shipping_amount", o.shippingAmount);
        number(json, "base_subtotal", o.subtotal);
        number(json, "base_tax_amount", o.taxAmount);
        json.put("created_at", MagentoJson.time(o.createdAt));
        json.put("customer_email", o.customerEmail);
        json.put("customer_firstname", o.customerFirstname);
        if (o.customerId != null) {
            json.put("customer_id", o.customerId);
        }
        json.put("customer_is_guest", o.guest ? 1 : 0);
        json.put("customer_lastname", o.customerLastname);
        number(json, "discount_amount", o.discountAmount);
        json.put("entity_id", o.id);
        json.put("global_currency_code", o.currency);
        number(json, "grand_total", o.grandTotal);
        json.put("increment_id", o.incrementId);
        json.put("order_currency_code", o.currency);
        number(json, "shipping_amount", o.shippingAmount);
        json.put("state", o.state);
        json.put("status", o.status);
        json.put("store_currency_code", o.currency);
        json.put("store_id", o.storeId);
        number(json, "subtotal", o.subtotal);
        number(json, "tax_amount", o.taxAmount);
        number(json, "total_qty_ordered", totalQty(o.items));
        json.put("updated_at", MagentoJson.time(o.updatedAt));
        ArrayNode items = json.putArray("items");
        for (MagentoOrderItem item : o.items) {
            ObjectNode row = item(o, item);
            if (item.isChild()) {
                o.items.stream().filter(i -> i.itemId() == item.parentItemId()).findFirst()
                        .ifPresent(parent -> row.set("parent_item", item(o, parent)));
            }
            items.add(row);
        }
        ObjectNode billing = json.putObject("billing_address");
        billing.put("address_type", "billing");
        billing.put("city", place[1]);
        billing.put("country_id", place[4]);
        billing.put("email", o.customerEmail);
        billing.put("entity_id", o.id * 2);
        billing.put("firstname", o.customerFirstname);
        billing.put("lastname", o.customerLastname);
        billing.put("parent_id", o.id);
        billing.put("postcode", place[3]);
        billing.put("region", place[2]);
        billing.putArray("street").add(place[0]);
        billing.put("telephone", place[5]);
        ObjectNode payment = json.putObject("payment");
        payment.put("method", o.paymentMethod);
        number(payment, "amount_ordered", o.grandTotal);
        var histories = json.putArray("status_histories");
        for (String[] comment : o.comments) {
            histories.addObject().put("comment", comment[0]).put("status", comment[1]).put("parent_id", o.id)
                    .put("is_customer_notified", 0).put("is_visible_on_front", 0);
        }
        ObjectNode assignments = json.putObject("extension_attributes");
        ObjectNode shipping = assignments.putArray("shipping_assignments").addObject().putObject("shipping");
        if (o.shippingMethod != null) {
            ObjectNode address = shipping.putObject("address");
            address.put("address_type", "shipping");
            address.put("city", place[1]);
            address.put("country_id", place[4]);
            address.put("firstname", o.customerFirstname);
            address.put("lastname", o.customerLastname);
            address.put("postcode", place[3]);
            address.putArray("street").add(place[0]);
            shipping.put("method", o.shippingMethod);
        }
        number(shipping.putObject("total"), "shipping_amount", o.shippingAmount);
        return json;
    }

    private ObjectNode item(MagentoOrder o, MagentoOrderItem item) {
        ObjectNode row = MagentoJson.NODES.objectNode();
        number(row, "base_price", item.price());
        number(row, "base_row_total", item.rowTotal());
        row.put("created_at", MagentoJson.time(o.createdAt));
        number(row, "discount_amount", item.discountAmount());
        row.put("item_id", item.itemId());
        row.put("name", item.name());
        row.put("order_id", o.id);
        if (item.parentItemId() != null) {
            row.put("parent_item_id", item.parentItemId());
        }
        number(row, "price", item.price());
        row.put("product_id", item.productId());
        row.put("product_type", item.productType());
        number(row, "qty_ordered", item.qtyOrdered());
        number(row, "row_total", item.rowTotal());
        row.put("sku", item.sku());
        row.put("store_id", o.storeId);
        number(row, "tax_amount", item.taxAmount());
        number(row, "tax_percent", item.taxPercent());
        row.put("updated_at", MagentoJson.time(o.updatedAt));
        return row;
    }

    private void number(ObjectNode node, String field, BigDecimal value) {
        MagentoJson.putNumber(node, field, value, legacyPrecision);
    }

    private static BigDecimal totalQty(List<MagentoOrderItem> items) {
        return items.stream().filter(i -> !i.isChild()).map(MagentoOrderItem::qtyOrdered)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
