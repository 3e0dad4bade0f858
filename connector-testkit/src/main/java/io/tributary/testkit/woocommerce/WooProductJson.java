package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Products and variations as the {@code wc/v3} API shows them in the {@code view} context. */
final class WooProductJson {

    private final String home;
    /** Products served damaged ({@link FakeWooCommerce#damageProduct}): a plugin or a bad import left them so. */
    final Map<Integer, Consumer<ObjectNode>> damage = new ConcurrentHashMap<>();

    WooProductJson(String home) {
        this.home = home;
    }

    ObjectNode product(WooProduct p) {
        ObjectNode json = NODES.objectNode();
        json.put("id", p.id);
        json.put("name", p.name);
        json.put("slug", p.slug);
        json.put("permalink", home + "product/" + p.slug + "/");
        dates(json, p);
        json.put("type", p.type);
        json.put("status", p.status);
        json.put("featured", p.featured);
        json.put("catalog_visibility", "visible");
        json.put("description", p.description);
        json.put("short_description", p.shortDescription);
        json.put("sku", p.sku);
        json.put("price", money(p.activePrice()));
        json.put("regular_price", p.isVariable() ? "" : money(p.regularPrice));
        json.put("sale_price", p.isVariable() ? "" : money(p.salePrice));
        saleDates(json);
        json.put("on_sale", p.onSale());
        json.put("purchasable", p.activePrice() != null);
        json.put("total_sales", p.totalSales);
        json.put("virtual", false);
        json.put("downloadable", false);
        json.putArray("downloads");
        json.put("download_limit", -1);
        json.put("download_expiry", -1);
        json.put("external_url", "");
        json.put("button_text", "");
        json.put("tax_status", "taxable");
        json.put("tax_class", "");
        json.put("manage_stock", !p.isVariable() && p.manageStock);
        if (!p.isVariable() && p.manageStock) {
            json.put("stock_quantity", p.stockQuantity);
        } else {
            json.putNull("stock_quantity");
        }
        json.put("backorders", "no");
        json.put("backorders_allowed", false);
        json.put("backordered", false);
        json.putNull("low_stock_amount");
        json.put("sold_individually", false);
        json.put("weight", p.weight);
        dimensions(json);
        json.put("shipping_required", true);
        json.put("shipping_taxable", true);
        json.put("shipping_class", "");
        json.put("shipping_class_id", 0);
        json.put("reviews_allowed", true);
        json.put("average_rating", "0.00");
        json.put("rating_count", 0);
        json.putArray("upsell_ids");
        json.putArray("cross_sell_ids");
        json.put("parent_id", 0);
        json.put("purchase_note", "");
        WooCategory category = p.category == null ? WooSeedWords.UNCATEGORIZED : p.category;
        json.putArray("categories").addObject().put("id", category.id()).put("name", category.name())
                .put("slug", category.slug());
        json.putArray("tags");
        json.putArray("images");
        ArrayNode attributes = json.putArray("attributes");
        if (p.isVariable()) {
            ObjectNode attribute = attributes.addObject().put("id", 0).put("name", p.attributeName)
                    .put("slug", p.attributeName).put("position", 0).put("visible", true).put("variation", true);
            p.attributeOptions.forEach(attribute.putArray("options")::add);
        }
        json.putArray("default_attributes");
        ArrayNode variations = json.putArray("variations");
        p.variationIds.forEach(variations::add);
        json.putArray("grouped_products");
        json.put("menu_order", p.menuOrder);
        json.put("price_html", priceHtml(p.activePrice()));
        json.putArray("related_ids");
        json.putArray("meta_data");
        json.put("stock_status", p.effectiveStockStatus());
        json.put("has_options", p.isVariable());
        json.put("post_password", "");
        json.put("global_unique_id", "");
        links(json, "products/" + p.id, "products", null);
        damage.getOrDefault(p.id, untouched -> { }).accept(json);
        return json;
    }

    ObjectNode variation(WooVariation v, WooProduct parent) {
        ObjectNode json = NODES.objectNode();
        json.put("id", v.id);
        json.put("type", "variation");
        dates(json, v);
        json.put("description", "");
        json.put("permalink", home + "product/" + parent.slug + "/?attribute_" + WooSlugs.slug(parent.attributeName)
                + "=" + WooOAuthSignature.rawUrlEncode(v.option));
        json.put("sku", v.sku.isEmpty() ? parent.sku : v.sku);
        json.put("global_unique_id", "");
        json.put("price", money(v.activePrice()));
        json.put("regular_price", money(v.regularPrice));
        json.put("sale_price", money(v.salePrice));
        saleDates(json);
        json.put("on_sale", v.salePrice != null);
        json.put("status", v.status);
        json.put("purchasable", v.activePrice() != null);
        json.put("virtual", false);
        json.put("downloadable", false);
        json.putArray("downloads");
        json.put("download_limit", -1);
        json.put("download_expiry", -1);
        json.put("tax_status", "taxable");
        json.put("tax_class", "");
        json.put("manage_stock", v.manageStock);
        if (v.manageStock) {
            json.put("stock_quantity", v.stockQuantity);
        } else {
            json.putNull("stock_quantity");
        }
        json.put("stock_status", v.stockStatus);
        json.put("backorders", "no");
        json.put("backorders_allowed", false);
        json.put("backordered", false);
        json.putNull("low_stock_amount");
        json.put("weight", v.weight);
        dimensions(json);
        json.put("shipping_class", "");
        json.put("shipping_class_id", 0);
        json.putNull("image");
        json.putArray("attributes").addObject().put("id", 0).put("name", parent.attributeName).put("slug", parent.attributeName)
                .put("option", v.option);
        json.put("menu_order", v.menuOrder);
        json.putArray("meta_data");
        json.put("name", parent.name + " - " + v.option);
        json.put("parent_id", parent.id);
        links(json, "products/" + parent.id + "/variations/" + v.id, "products/" + parent.id + "/variations",
                "products/" + parent.id);
        return json;
    }

    static void dates(ObjectNode json, WooPost post) {
        json.put("date_created", WooTime.format(post.createdLocal));
        json.put("date_created_gmt", WooTime.format(post.createdGmt));
        json.put("date_modified", WooTime.format(post.modifiedLocal));
        json.put("date_modified_gmt", WooTime.format(post.modifiedGmt));
    }

    private static void saleDates(ObjectNode json) {
        json.putNull("date_on_sale_from");
        json.putNull("date_on_sale_from_gmt");
        json.putNull("date_on_sale_to");
        json.putNull("date_on_sale_to_gmt");
    }

    private static void dimensions(ObjectNode json) {
        json.putObject("dimensions").put("length", "").put("width", "").put("height", "");
    }

    private void links(ObjectNode json, String self, String collection, String up) {
        ObjectNode links = json.putObject("_links");
        links.putArray("self").addObject().put("href", home + "wp-json/wc/v3/" + self);
        links.putArray("collection").addObject().put("href", home + "wp-json/wc/v3/" + collection);
        if (up != null) {
            links.putArray("up").addObject().put("href", home + "wp-json/wc/v3/" + up);
        }
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString();
    }

    private static String priceHtml(BigDecimal price) {
        if (price == null) {
            return "";
        }
        return "<span class=\"woocommerce-Price-amount amount\"><bdi>" + money(price).replace('.', ',')
                + "&nbsp;<span class=\"woocommerce-Price-currencySymbol\">&euro;</span></bdi></span>";
    }
}
