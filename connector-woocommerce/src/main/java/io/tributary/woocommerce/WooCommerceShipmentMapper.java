package io.tributary.woocommerce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.Shipment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a courier needs from a stored WooCommerce order: the shipping address with its state and country, and
 * the recipient (the billing name and phone where the shipping ones are empty; a phone with the country of the
 * address it came with), the customer's note and the line items. An order without a shipping street (a virtual
 * order, or a shop that does not ask for one) cannot be delivered.
 */
final class WooCommerceShipmentMapper {
    private WooCommerceShipmentMapper() {}

    static Shipment shipment(String orderRawJson) {
        JsonNode order;
        try {
            order = Json.mapper().readTree(orderRawJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored order is not valid JSON.");
        }
        String number = Json.text(order, "number") != null ? Json.text(order, "number") : Json.text(order, "id");
        JsonNode shipping = order.path("shipping");
        JsonNode billing = order.path("billing");
        String street = text(shipping, "address_1");
        if (street == null) {
            throw new IllegalArgumentException("WooCommerce order " + number + " has no shipping address.");
        }
        String name = name(shipping) != null ? name(shipping) : name(billing);
        // a phone typed without its country code belongs to the country of the address it was given with
        JsonNode phoneAddress = text(shipping, "phone") != null ? shipping : billing;
        List<Shipment.Item> items = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            items.add(new Shipment.Item(WooCommerceText.decoded(text(line, "name")), text(line, "sku"),
                    Json.decimal(line, "quantity", number)));
        }
        return new Shipment(name, text(shipping, "company"), text(phoneAddress, "phone"),
                text(phoneAddress, "country"), text(billing, "email"), street, text(shipping, "address_2"),
                text(shipping, "postcode"), text(shipping, "city"), text(shipping, "state"), text(shipping, "country"),
                text(order, "customer_note"), items);
    }

    private static String name(JsonNode address) {
        String name = ((text(address, "first_name") == null ? "" : text(address, "first_name")) + " "
                + (text(address, "last_name") == null ? "" : text(address, "last_name"))).trim();
        return name.isEmpty() ? null : WooCommerceText.decoded(name);
    }

    private static String text(JsonNode node, String field) {
        String text = Json.text(node, field);
        return text == null || text.isBlank() ? null : text.trim();
    }
}
