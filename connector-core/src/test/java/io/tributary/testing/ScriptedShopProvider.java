package io.tributary.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.Shipment;
import io.tributary.spi.ShippableOrders;
import java.math.BigDecimal;
import java.util.List;

/**
 * The scripted source as a shop whose orders can be shipped: an order's raw JSON carries {@code street},
 * {@code name} and {@code phone}; an order without a street cannot be shipped.
 */
public class ScriptedShopProvider extends ScriptedConnectorProvider implements ShippableOrders {
    @Override
    public String systemId() {
        return "scripted-shop";
    }

    @Override
    public String displayName() {
        return "Scripted shop";
    }

    @Override
    public Shipment shipmentOf(String orderRawJson) {
        JsonNode order;
        try {
            order = Json.mapper().readTree(orderRawJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the order is not JSON");
        }
        String street = Json.text(order, "street");
        if (street == null) {
            throw new IllegalArgumentException("order " + Json.text(order, "id") + " has no shipping address.");
        }
        return new Shipment(Json.text(order, "name"), null, Json.text(order, "phone"), null, street, null, "75004",
                "Paris", "FR", null, List.of(new Shipment.Item("Grüner Tee", "TEA-1", BigDecimal.ONE)));
    }
}
