package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.Amounts;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Maps WooCommerce order JSON, with its line items, to the central order model. Money stays exact. */
final class WooCommerceOrderMapper {
    private WooCommerceOrderMapper() {}

    static OrderRecord order(JsonNode json) {
        String id = WooCommerceProductMapper.id(json);
        JsonNode billing = json.path("billing");
        List<OrderLineRecord> lines = new ArrayList<>();
        for (JsonNode item : json.path("line_items")) {
            lines.add(line(item, id));
        }
        String name = WooCommerceText.decoded((billing.path("first_name").asText("") + " "
                + billing.path("last_name").asText("")).trim());
        return new OrderRecord(id, Json.text(json, "number"), Json.text(json, "status"), Json.text(json, "currency"),
                Json.decimal(json, "total", id), Json.decimal(json, "total_tax", id),
                Json.decimal(json, "shipping_total", id), Json.decimal(json, "discount_total", id),
                refunded(json, id), Json.text(billing, "email"), name.isEmpty() ? null : name, Json.text(billing, "phone"),
                Json.utcInstant(json, "date_created_gmt", id), WooCommerceProductMapper.modifiedAt(json, id), lines,
                json.toString());
    }

    /**
     * What was refunded: the sum of {@code refunds[].total}, which WooCommerce lists negative; a refund changes no
     * other amount of the order. Null when the answer carries no {@code refunds} (an old API or {@code _fields}).
     */
    private static BigDecimal refunded(JsonNode json, String id) {
        JsonNode refunds = json.get("refunds");
        if (refunds == null || !refunds.isArray()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode refund : refunds) {
            BigDecimal amount = Json.decimal(refund, "total", id + " refund " + refund.path("id").asText("?"));
            sum = amount == null ? sum : sum.add(amount.abs());
        }
        return sum;
    }

    private static OrderLineRecord line(JsonNode item, String orderId) {
        String where = orderId + " line " + item.path("id").asText("?");
        long variation = item.path("variation_id").asLong(0);
        long product = item.path("product_id").asLong(0);
        String productId = variation > 0 ? Long.toString(variation) : product > 0 ? Long.toString(product) : null;
        return new OrderLineRecord(Json.text(item, "id"), productId, Json.text(item, "sku"),
                WooCommerceText.decoded(Json.text(item, "name")),
                Json.decimal(item, "quantity", where), unitPrice(Json.decimal(item, "price", where)),
                Json.decimal(item, "total", where));
    }

    /**
     * WooCommerce computes a line's {@code price} as total / quantity in floating point (10 / 3 arrives as
     * 3.3333333333333335); it is a derived value, so it is rounded to the store's six decimals. Totals, which
     * WooCommerce sends as exact strings, are never rounded.
     */
    private static BigDecimal unitPrice(BigDecimal price) {
        if (price == null || price.scale() <= Amounts.SCALE) {
            return price;
        }
        return price.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN);
    }
}
