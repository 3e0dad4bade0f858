package io.tributary.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.Shipment;
import io.tributary.spi.ShippableOrders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a delivery needs from an order sent in through the API, read from the order as {@link OrderIntake} stored it
 * (its {@code shipping}, the customer's name and phone where the shipping leaves them out, its lines): so a route
 * can hand a landing page's orders to a courier as it does a shop's.
 */
public final class ApiShipments implements ShippableOrders {
    public static final ApiShipments INSTANCE = new ApiShipments();

    private ApiShipments() {}

    @Override
    public Shipment shipmentOf(String orderRawJson) {
        JsonNode order;
        try {
            order = Json.mapper().readTree(orderRawJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The order as stored is not JSON; it cannot be delivered.", e);
        }
        JsonNode to = order.path("shipping");
        String street = text(to, "street");
        if (!to.isObject() || street == null) {
            throw new IllegalArgumentException("The order was sent in without a shipping address (shipping.street), "
                    + "so there is nowhere to deliver it.");
        }
        JsonNode customer = order.path("customer");
        String name = text(to, "name") != null ? text(to, "name") : text(customer, "name");
        String phone = text(to, "phone") != null ? text(to, "phone") : text(customer, "phone");
        List<Shipment.Item> items = new ArrayList<>();
        for (JsonNode line : order.path("lines")) {
            String quantity = text(line, "quantity");
            items.add(new Shipment.Item(text(line, "name"), text(line, "sku"),
                    quantity == null ? BigDecimal.ONE : new BigDecimal(quantity)));
        }
        String country = text(to, "country");
        return new Shipment(name == null ? "" : name, text(to, "company"), phone, country, text(customer, "email"),
                street, text(to, "streetExtra"), text(to, "postcode"), text(to, "city"), text(to, "state"), country,
                text(to, "note"), items);
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
