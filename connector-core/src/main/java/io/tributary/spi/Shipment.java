package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a courier needs to deliver one order: who receives it, where, what is in it. Text as the shop has it;
 * blank values are null.
 *
 * @param recipientName the person to hand the order to
 * @param company       the recipient's company, or null
 * @param phone         a phone number to reach the recipient, as the customer typed it, or null
 * @param phoneCountry  the country of the address the phone was given with (ISO 3166 code as the shop gives it): the
 *                      region a number typed without its country code belongs to; null when unknown
 * @param email         the recipient's e-mail, or null
 * @param street        the street address (first line)
 * @param streetExtra   a second address line (floor, building), or null
 * @param postcode      the postal code, or null
 * @param city          the city, or null
 * @param state         the state, province or county (as the shop gives it: a code such as {@code CA}, or a name),
 *                      or null
 * @param country       the country (ISO 3166 code as the shop gives it), or null
 * @param note          the customer's note for the delivery, or null
 * @param items         what the order contains
 */
public record Shipment(
        String recipientName,
        String company,
        String phone,
        String phoneCountry,
        String email,
        String street,
        String streetExtra,
        String postcode,
        String city,
        String state,
        String country,
        String note,
        List<Item> items) {

    public Shipment {
        requireNonNull(street, "street is null");
        if (street.isBlank()) {
            throw new IllegalArgumentException("a shipment needs a street address");
        }
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    /** A shipment to an address without a state, whose phone belongs to the address's country. */
    public Shipment(String recipientName, String company, String phone, String email, String street,
            String streetExtra, String postcode, String city, String country, String note, List<Item> items) {
        this(recipientName, company, phone, country, email, street, streetExtra, postcode, city, null, country, note,
                items);
    }

    /** One line of the order, for the courier's comments. */
    public record Item(String name, String sku, BigDecimal quantity) {}
}
