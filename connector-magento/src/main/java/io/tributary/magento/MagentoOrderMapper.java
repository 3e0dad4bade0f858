package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one order of {@code GET /V1/orders} to the central order model: {@code entity_id} as external id,
 * {@code increment_id} as number, {@code status} (the merchant-facing label; the state stays in the raw JSON),
 * {@code order_currency_code}, {@code grand_total}, tax, shipping and the discount as a positive amount (Magento
 * keeps it negative), the customer's e-mail and name, the billing address's telephone. A configurable product bought appears as two items — the
 * parent with the price and the child with {@code parent_item_id}; it is stored once, as the parent's line
 * naming the child product actually bought. Line totals are Magento's {@code row_total} (before tax and
 * discount).
 */
final class MagentoOrderMapper {
    private MagentoOrderMapper() {}

    static OrderRecord order(JsonNode json) {
        String id = MagentoProductMapper.id(json, "entity_id");
        Map<String, JsonNode> childByParent = new HashMap<>();
        for (JsonNode item : json.path("items")) {
            if (item.hasNonNull("parent_item_id")) {
                childByParent.putIfAbsent(item.get("parent_item_id").asText(), item);
            }
        }
        List<OrderLineRecord> lines = new ArrayList<>();
        for (JsonNode item : json.path("items")) {
            if (!item.hasNonNull("parent_item_id")) {
                lines.add(line(item, childByParent.get(item.path("item_id").asText()), id));
            }
        }
        BigDecimal discount = MagentoAmounts.amount(json, "discount_amount", id, MagentoAmounts.ORDER_SCALE);
        return new OrderRecord(id, Json.text(json, "increment_id"), status(json), Json.text(json, "order_currency_code"),
                MagentoAmounts.amount(json, "grand_total", id, MagentoAmounts.ORDER_SCALE),
                MagentoAmounts.amount(json, "tax_amount", id, MagentoAmounts.ORDER_SCALE),
                MagentoAmounts.amount(json, "shipping_amount", id, MagentoAmounts.ORDER_SCALE),
                discount == null ? null : discount.abs(), null, Json.text(json, "customer_email"), customerName(json),
                Json.text(json.path("billing_address"), "telephone"), Json.utcInstant(json, "created_at", id), MagentoProductMapper.updatedAt(json, id), lines,
                json.toString());
    }

    private static String status(JsonNode json) {
        String status = Json.text(json, "status");
        return status != null ? status : Json.text(json, "state");
    }

    private static String customerName(JsonNode json) {
        String name = join(Json.text(json, "customer_firstname"), Json.text(json, "customer_lastname"));
        if (name == null) {
            JsonNode billing = json.path("billing_address");
            name = join(Json.text(billing, "firstname"), Json.text(billing, "lastname"));
        }
        return name;
    }

    private static String join(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    private static OrderLineRecord line(JsonNode item, JsonNode child, String orderId) {
        String where = orderId + " item " + item.path("item_id").asText("?");
        JsonNode bought = child != null ? child : item;
        String productId = bought.path("product_id").canConvertToLong() ? bought.path("product_id").asText() : null;
        return new OrderLineRecord(Json.text(item, "item_id"), productId, Json.text(item, "sku"), Json.text(item, "name"),
                MagentoAmounts.amount(item, "qty_ordered", where, MagentoAmounts.ORDER_SCALE),
                MagentoAmounts.amount(item, "price", where, MagentoAmounts.ORDER_SCALE),
                MagentoAmounts.amount(item, "row_total", where, MagentoAmounts.ORDER_SCALE));
    }
}
