package io.tributary.coopcycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.Shipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/deliveries} for one shop order, as CoopCycle's own WooCommerce plugin builds it:
 * pickup at the store (no address: CoopCycle uses the store's) with the order number and items in its comments;
 * dropoff at the shipping address ("street, postcode city") with the recipient's name and phone, the second address
 * line as description and the customer's note as comments; both windows as ISO 8601 UTC times; and the
 * reference in both tasks' metadata (and as the pickup comments' last line) so the delivery can be found again.
 */
final class CoopCycleDeliveryBody {
    /** The metadata key holding Tributary's reference. */
    static final String REFERENCE_KEY = "tributary_ref";
    static final String ORDER_NUMBER_KEY = "order_number";
    /** The last line of the pickup comments, so the reference survives an instance that drops task metadata. */
    static final String REFERENCE_LINE = "Ref ";
    private static final int MAX_ITEM_LINES = 30;

    private CoopCycleDeliveryBody() {}

    static ObjectNode of(DeliveryRequest request) {
        Shipment shipment = request.shipment();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode pickup = body.putObject("pickup");
        pickup.put("after", request.pickup().after().toString());
        pickup.put("before", request.pickup().before().toString());
        pickup.put("comments", pickupComments(request));
        pickup.set("metadata", metadata(request));

        ObjectNode dropoff = body.putObject("dropoff");
        ObjectNode address = dropoff.putObject("address");
        address.put("streetAddress", streetAddress(shipment));
        putIfPresent(address, "contactName", shipment.recipientName());
        putIfPresent(address, "telephone", shipment.phone());
        putIfPresent(address, "name", shipment.company());
        putIfPresent(address, "description", shipment.streetExtra());
        dropoff.put("after", request.dropoff().after().toString());
        dropoff.put("before", request.dropoff().before().toString());
        dropoff.put("comments", orderLine(request) + (shipment.note() == null ? "" : "\n" + shipment.note()));
        dropoff.set("metadata", metadata(request));
        return body;
    }

    /** "48 Rue de Rivoli, 75004 Paris": what CoopCycle geocodes. */
    static String streetAddress(Shipment shipment) {
        String place = String.join(" ", nonBlank(shipment.postcode(), shipment.city()));
        return place.isEmpty() ? shipment.street() : shipment.street() + ", " + place;
    }

    private static String orderLine(DeliveryRequest request) {
        String number = request.orderNumber() == null ? "" : " #" + request.orderNumber();
        return "Order" + number + " from " + request.origin();
    }

    private static String pickupComments(DeliveryRequest request) {
        StringBuilder comments = new StringBuilder(orderLine(request));
        List<Shipment.Item> items = request.shipment().items();
        for (int i = 0; i < items.size() && i < MAX_ITEM_LINES; i++) {
            Shipment.Item item = items.get(i);
            comments.append('\n').append(quantity(item.quantity())).append(" × ")
                    .append(item.name() == null ? "item" : item.name());
            if (item.sku() != null) {
                comments.append(" (").append(item.sku()).append(')');
            }
        }
        if (items.size() > MAX_ITEM_LINES) {
            comments.append("\n… and ").append(items.size() - MAX_ITEM_LINES).append(" more lines");
        }
        return comments.append('\n').append(REFERENCE_LINE).append(request.reference()).toString();
    }

    private static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return "1";
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static ObjectNode metadata(DeliveryRequest request) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put(REFERENCE_KEY, request.reference());
        if (request.orderNumber() != null) {
            metadata.put(ORDER_NUMBER_KEY, request.orderNumber());
        }
        return metadata;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static List<String> nonBlank(String... values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.trim());
            }
        }
        return kept;
    }
}
