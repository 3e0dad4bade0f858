package io.tributary.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.http.Json;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an order and its line items to the central model, in the shop's currency ({@code shopMoney} of each
 * {@code …Set}; the customer's presentment currency stays in the raw JSON). Number is the order's name ({@code #1001});
 * status is {@code cancelled} for a cancelled order, else its financial status in lower case (paid, pending,
 * refunded…; the fulfilment status stays in the raw JSON). A line's product is the variant bought (else the
 * product), its unit price the original one and its total the original price times the quantity, before discounts.
 */
final class ShopifyOrderMapper {
    private ShopifyOrderMapper() {}

    static OrderRecord order(JsonNode order, List<JsonNode> lines) {
        String id = ShopifyIds.gid(order, "Order");
        List<OrderLineRecord> records = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            records.add(line(line));
        }
        ObjectNode raw = order.deepCopy();
        raw.remove("lineItems");
        raw.set("lineItems", Json.mapper().valueToTree(lines));
        String status = Json.text(order, "cancelledAt") != null ? "cancelled"
                : lower(Json.text(order, "displayFinancialStatus"));
        return new OrderRecord(id, Json.text(order, "name"), status, currency(order), shopMoney(order, "totalPriceSet", id),
                shopMoney(order, "totalTaxSet", id), shopMoney(order, "totalShippingPriceSet", id),
                shopMoney(order, "totalDiscountsSet", id), Json.text(order, "email"), null,
                Json.utcInstant(order, "createdAt", id), ShopifyProductMapper.updatedAt(order, id), records,
                raw.toString());
    }

    private static OrderLineRecord line(JsonNode line) {
        String id = ShopifyIds.gid(line, "LineItem");
        String product = line.path("variant").path("id").asText(null);
        if (product == null) {
            product = line.path("product").path("id").asText(null);
        }
        return new OrderLineRecord(id, product, Json.text(line, "sku"), Json.text(line, "name"),
                Json.decimal(line, "quantity", id), shopMoney(line, "originalUnitPriceSet", id),
                shopMoney(line, "originalTotalSet", id));
    }

    private static String currency(JsonNode order) {
        String currency = Json.text(order, "currencyCode");
        return currency != null ? currency : Json.text(order.path("totalPriceSet").path("shopMoney"), "currencyCode");
    }

    private static BigDecimal shopMoney(JsonNode node, String field, String id) {
        JsonNode money = node.path(field).path("shopMoney");
        return money.isMissingNode() ? null : Json.decimal(money, "amount", id);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
