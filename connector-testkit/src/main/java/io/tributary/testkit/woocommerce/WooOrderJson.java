package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooJson.NODES;
import static io.tributary.testkit.woocommerce.WooProductJson.money;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Orders as the {@code wc/v3} API shows them in the {@code view} context. */
final class WooOrderJson {

    private static final Set<String> EDITABLE = Set.of("pending", "on-hold", "auto-draft");
    private static final Set<String> NEEDS_PAYMENT = Set.of("pending", "failed");

    private final String home;
    private final String wooVersion;
    private final WooTime time;

    /** Orders served damaged ({@link FakeWooCommerce#damageOrder}): a plugin or a bad import left them so. */
    final Map<Integer, Consumer<ObjectNode>> damage = new ConcurrentHashMap<>();

    WooOrderJson(String home, String wooVersion, WooTime time) {
        this.home = home;
        this.wooVersion = wooVersion;
        this.time = time;
    }

    ObjectNode order(WooOrder o) {
        ObjectNode json = NODES.objectNode();
        json.put("id", o.id);
        json.put("parent_id", 0);
        json.put("status", o.status);
        json.put("currency", o.currency);
        json.put("version", wooVersion);
        json.put("prices_include_tax", false);
        json.put("date_created", WooTime.format(o.createdLocal));
        json.put("date_created_gmt", WooTime.format(o.createdGmt));
        json.put("date_modified", WooTime.format(o.modifiedLocal));
        json.put("date_modified_gmt", WooTime.format(o.modifiedGmt));
        json.put("discount_total", money(o.discountTotal));
        json.put("discount_tax", "0.00");
        json.put("shipping_total", money(o.shippingTotal));
        json.put("shipping_tax", money(o.shippingTax));
        json.put("cart_tax", money(o.cartTax));
        json.put("total", money(o.total));
        json.put("total_tax", money(o.totalTax));
        json.put("customer_id", o.customerId);
        json.put("order_key", o.orderKey);
        address(json.putObject("billing"), o.billing, true);
        address(json.putObject("shipping"), o.shipping, false);
        json.put("payment_method", o.paymentMethod);
        json.put("payment_method_title", o.paymentMethodTitle);
        json.put("transaction_id", o.transactionId);
        json.put("customer_ip_address", o.customerIpAddress);
        json.put("customer_user_agent", "");
        json.put("created_via", "checkout");
        json.put("customer_note", o.customerNote);
        localDate(json, "date_completed", o.dateCompletedGmt);
        localDate(json, "date_paid", o.datePaidGmt);
        json.put("cart_hash", "");
        json.put("number", Integer.toString(o.id));
        json.putArray("meta_data");
        lineItems(json.putArray("line_items"), o);
        taxLines(json.putArray("tax_lines"), o);
        shippingLines(json.putArray("shipping_lines"), o);
        json.putArray("fee_lines");
        json.putArray("coupon_lines");
        ArrayNode refunds = json.putArray("refunds");
        for (WooOrder.Refund refund : o.refunds) {
            refunds.addObject().put("id", refund.id()).put("reason", refund.reason())
                    .put("total", money(refund.amount().negate()));
        }
        json.put("payment_url", home + "checkout/order-pay/" + o.id + "/?pay_for_order=true&key=" + o.orderKey);
        json.put("is_editable", EDITABLE.contains(o.status));
        json.put("needs_payment", NEEDS_PAYMENT.contains(o.status));
        json.put("needs_processing", true);
        gmtDate(json, "date_completed_gmt", o.dateCompletedGmt);
        gmtDate(json, "date_paid_gmt", o.datePaidGmt);
        json.put("currency_symbol", "€");
        ObjectNode links = json.putObject("_links");
        links.putArray("self").addObject().put("href", home + "wp-json/wc/v3/orders/" + o.id);
        links.putArray("collection").addObject().put("href", home + "wp-json/wc/v3/orders");
        if (o.customerId > 0) {
            links.putArray("customer").addObject().put("href", home + "wp-json/wc/v3/customers/" + o.customerId);
        }
        damage.getOrDefault(o.id, untouched -> { }).accept(json);
        return json;
    }

    private static void address(ObjectNode json, WooAddress a, boolean billing) {
        json.put("first_name", a.firstName());
        json.put("last_name", a.lastName());
        json.put("company", a.company());
        json.put("address_1", a.address1());
        json.put("address_2", a.address2());
        json.put("city", a.city());
        json.put("state", a.state());
        json.put("postcode", a.postcode());
        json.put("country", a.country());
        if (billing) {
            json.put("email", a.email());
        }
        json.put("phone", a.phone());
    }

    /**
     * A line's name as real shops serve it: WordPress stores the title HTML-escaped, so order lines arrive as
     * {@code Thé &amp; menthe &ndash; 250 g} while the product's own {@code name} is plain (seen on captured
     * payloads and in WooCommerce's documentation examples).
     */
    static String htmlEscaped(String name) {
        return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\u2013", "&ndash;").replace("\u00ab", "&laquo;").replace("\u00bb", "&raquo;");
    }

    private static void lineItems(ArrayNode lines, WooOrder o) {
        for (WooLineItem line : o.lineItems) {
            ObjectNode item = lines.addObject();
            item.put("id", line.id());
            item.put("name", htmlEscaped(line.name()));
            item.put("product_id", line.productId());
            item.put("variation_id", line.variationId());
            item.put("quantity", line.quantity());
            item.put("tax_class", "");
            item.put("subtotal", money(line.subtotal()));
            item.put("subtotal_tax", money(line.subtotalTax()));
            item.put("total", money(line.total()));
            item.put("total_tax", money(line.totalTax()));
            item.putArray("taxes").addObject().put("id", 1).put("total", money(line.totalTax()))
                    .put("subtotal", money(line.subtotalTax()));
            item.putArray("meta_data");
            item.put("sku", line.sku());
            item.put("price", line.price());
            item.putObject("image").put("id", "").put("src", "");
            if (line.variationId() > 0) {
                item.put("parent_name", line.name().substring(0, Math.max(0, line.name().lastIndexOf(" - "))));
            } else {
                item.putNull("parent_name");
            }
        }
    }

    private static void taxLines(ArrayNode lines, WooOrder o) {
        lines.addObject().put("id", o.taxLineId).put("rate_code", "FR-TVA-1").put("rate_id", 1).put("label", "TVA")
                .put("compound", false).put("tax_total", money(o.cartTax)).put("shipping_tax_total", money(o.shippingTax))
                .put("rate_percent", Integer.parseInt(WooTotals.TAX_RATE_PERCENT)).putArray("meta_data");
    }

    private static void shippingLines(ArrayNode lines, WooOrder o) {
        boolean free = o.shippingTotal.signum() == 0;
        ObjectNode line = lines.addObject().put("id", o.shippingLineId)
                .put("method_title", free ? "Livraison gratuite" : "Forfait")
                .put("method_id", free ? "free_shipping" : "flat_rate").put("instance_id", free ? "2" : "1")
                .put("total", money(o.shippingTotal)).put("total_tax", money(o.shippingTax));
        line.putArray("taxes").addObject().put("id", 1).put("total", money(o.shippingTax)).put("subtotal", "");
        line.putArray("meta_data");
    }

    private void localDate(ObjectNode json, String field, Long gmt) {
        if (gmt == null) {
            json.putNull(field);
        } else {
            json.put(field, time.formatLocal(gmt));
        }
    }

    private static void gmtDate(ObjectNode json, String field, Long gmt) {
        if (gmt == null) {
            json.putNull(field);
        } else {
            json.put(field, WooTime.format(gmt));
        }
    }
}
