package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Renders the fake's records as the Admin GraphQL API does for the fields the connector selects: GIDs, DateTime in
 * UTC with {@code Z}, Decimal and Money as strings, MoneyBag {@code …Set} fields, nested connections with
 * {@code nodes} and {@code pageInfo}. Also the opaque connection cursors.
 */
final class ShopifyJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ShopifyJson() {}

    static ObjectNode product(ShopifyProduct p) {
        ObjectNode node = MAPPER.createObjectNode().put("id", p.gid()).put("title", p.title()).put("handle", p.handle())
                .put("status", p.status()).put("vendor", p.vendor()).put("productType", p.productType())
                .put("createdAt", p.createdAt().toString()).put("updatedAt", p.updatedAt().toString());
        return node;
    }

    static ObjectNode variant(ShopifyVariant v) {
        ObjectNode node = MAPPER.createObjectNode().put("id", v.gid()).put("title", v.title()).put("sku", v.sku())
                .put("price", v.price().toPlainString());
        if (v.compareAtPrice() == null) {
            node.putNull("compareAtPrice");
        } else {
            node.put("compareAtPrice", v.compareAtPrice().toPlainString());
        }
        return node.put("inventoryQuantity", v.inventoryQuantity()).put("createdAt", v.createdAt().toString())
                .put("updatedAt", v.updatedAt().toString());
    }

    static ObjectNode order(ShopifyOrder o) {
        ObjectNode node = MAPPER.createObjectNode().put("id", o.gid()).put("name", o.name()).put("email", o.email())
                .put("createdAt", o.createdAt().toString()).put("updatedAt", o.updatedAt().toString())
                .put("processedAt", o.createdAt().toString());
        if (o.cancelledAt() == null) {
            node.putNull("cancelledAt");
        } else {
            node.put("cancelledAt", o.cancelledAt().toString());
        }
        node.put("currencyCode", o.currency()).put("displayFinancialStatus", o.financialStatus())
                .put("displayFulfillmentStatus", o.fulfillmentStatus());
        node.set("totalPriceSet", moneyBag(o.total(), o.currency()));
        node.set("subtotalPriceSet", moneyBag(o.subtotal(), o.currency()));
        node.set("totalTaxSet", moneyBag(o.tax(), o.currency()));
        node.set("totalShippingPriceSet", moneyBag(o.shipping(), o.currency()));
        node.set("totalDiscountsSet", moneyBag(o.discount(), o.currency()));
        return node;
    }

    static ObjectNode lineItem(ShopifyLineItem l, String currency) {
        ObjectNode node = MAPPER.createObjectNode().put("id", l.gid()).put("name", l.name()).put("sku", l.sku())
                .put("quantity", l.quantity());
        node.putObject("variant").put("id", "gid://shopify/ProductVariant/" + l.variantId());
        node.putObject("product").put("id", "gid://shopify/Product/" + l.productId());
        node.set("originalUnitPriceSet", moneyBag(l.unitPrice(), currency));
        node.set("originalTotalSet", moneyBag(l.total(), currency));
        return node;
    }

    private static ObjectNode moneyBag(BigDecimal amount, String currency) {
        ObjectNode bag = MAPPER.createObjectNode();
        bag.putObject("shopMoney").put("amount", amount.toPlainString()).put("currencyCode", currency);
        bag.putObject("presentmentMoney").put("amount", amount.toPlainString()).put("currencyCode", currency);
        return bag;
    }

    /** A connection: {@code nodes} and {@code pageInfo}; {@code endCursor} is the last node's cursor. */
    static ObjectNode connection(List<ObjectNode> nodes, boolean hasNextPage, String endCursor) {
        ObjectNode connection = MAPPER.createObjectNode();
        ArrayNode array = connection.putArray("nodes");
        nodes.forEach(array::add);
        ObjectNode pageInfo = connection.putObject("pageInfo").put("hasNextPage", hasNextPage);
        if (endCursor == null) {
            pageInfo.putNull("endCursor");
        } else {
            pageInfo.put("endCursor", endCursor);
        }
        return connection;
    }

    static String cursor(Instant updatedAt, long id) {
        return Base64.getEncoder().encodeToString((updatedAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor of {@link #cursor}, or null when there is none; throws on anything else. */
    static ShopifyCatalogue.Key key(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        return new ShopifyCatalogue.Key(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
    }

    /** A cursor for an offset in a nested list (variants of a product, lines of an order). */
    static String offsetCursor(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        return Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).substring(7));
    }
}
