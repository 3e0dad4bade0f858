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
 * {@code name} and {@code phone}, and may carry {@code postcode}, {@code city}, {@code state}, {@code country} and
 * {@code phoneCountry} (else 75004 Paris, France, the phone of the shipping country; an explicit null is none); an
 * order without a street cannot be shipped.
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
        String country = order.has("country") ? Json.text(order, "country") : "FR";
        return new Shipment(Json.text(order, "name"), null, Json.text(order, "phone"),
                order.has("phoneCountry") ? Json.text(order, "phoneCountry") : country, null, street, null,
                or(Json.text(order, "postcode"), "75004"), or(Json.text(order, "city"), "Paris"),
                Json.text(order, "state"), country, null,
                List.of(new Shipment.Item("Grüner Tee", "TEA-1", BigDecimal.ONE)));
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
