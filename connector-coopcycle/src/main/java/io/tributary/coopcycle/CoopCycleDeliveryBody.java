package io.tributary.coopcycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.Shipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/deliveries} for one shop order, as CoopCycle's own WooCommerce plugin builds it:
 * pickup at the store (no address: CoopCycle uses the store's) with the order number and items in its comments;
 * dropoff at the shipping address, whole ("street, postcode city, state, country": CoopCycle geocodes this one line
 * and takes no separate country or state on a delivery), with the recipient's name and phone (in E.164, see
 * {@link CoopCyclePhone}), the second address line as description and the customer's note as comments; both windows
 * as ISO 8601 UTC times; and the reference in both tasks' metadata (and as the pickup comments' last line) so the
 * delivery can be found again.
 *
 * <p>A phone that is not a valid number is not sent: CoopCycle would refuse the whole delivery over it, and an
 * order that was paid for should reach its customer; the courier still sees the phone as typed, in the dropoff
 * comments ("Phone as given: …").
 */
final class CoopCycleDeliveryBody {
    /** The metadata key holding Tributary's reference. */
    static final String REFERENCE_KEY = "tributary_ref";
    static final String ORDER_NUMBER_KEY = "order_number";
    /** The last line of the pickup comments, so the reference survives an instance that drops task metadata. */
    static final String REFERENCE_LINE = "Ref ";
    /** Before a phone CoopCycle would refuse, in the dropoff comments. */
    static final String UNUSABLE_PHONE_LINE = "Phone as given: ";
    private static final int MAX_ITEM_LINES = 30;

    private CoopCycleDeliveryBody() {}

    /**
     * The body for {@code request}.
     *
     * @param telephone the recipient's phone in E.164, or null: none, or one that is not a valid number (then
     *                  the shipment's phone goes in the dropoff comments as typed)
     */
    static ObjectNode of(DeliveryRequest request, String telephone) {
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
        putIfPresent(address, "telephone", telephone);
        putIfPresent(address, "name", shipment.company());
        putIfPresent(address, "description", shipment.streetExtra());
        dropoff.put("after", request.dropoff().after().toString());
        dropoff.put("before", request.dropoff().before().toString());
        dropoff.put("comments", orderLine(request) + (shipment.note() == null ? "" : "\n" + shipment.note())
                + (telephone == null && shipment.phone() != null ? "\n" + UNUSABLE_PHONE_LINE + shipment.phone() : ""));
        dropoff.set("metadata", metadata(request));
        return body;
    }

    /**
     * "48 Rue de Rivoli, 75004 Paris, France", "1 Market St, 94105 San Francisco, CA, United States": the whole
     * address on the one line CoopCycle geocodes, the country by its English name (a geocoder reads it better than
     * a code; an unknown code is kept as given).
     */
    static String streetAddress(Shipment shipment) {
        List<String> parts = new ArrayList<>(nonBlank(shipment.street()));
        String place = String.join(" ", nonBlank(shipment.postcode(), shipment.city()));
        if (!place.isEmpty()) {
            parts.add(place);
        }
        parts.addAll(nonBlank(shipment.state(), countryName(shipment.country())));
        return String.join(", ", parts);
    }

    private static String countryName(String country) {
        if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
            return country;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
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
