package io.tributary.intake;

import java.util.List;

/**
 * An order as a landing page sends it, every value as given (amounts and quantities as decimal strings), checked by
 * {@link OrderIntake}. {@code problems} carries what the reader of the request already found wrong with its shape
 * (a number where a decimal string belongs, say), so that one answer names every invalid field.
 */
public record OrderPost(String store, String number, String status, String currency, String total,
        String totalTax, String shippingTotal, String discountTotal, String createdAt, Customer customer,
        List<Line> lines, Shipping shipping) {

    /** An order with nowhere to deliver it (a download, a pickup): no route can hand it to a courier. */
    public OrderPost(String store, String number, String status, String currency, String total, String totalTax,
            String shippingTotal, String discountTotal, String createdAt, Customer customer, List<Line> lines) {
        this(store, number, status, currency, total, totalTax, shippingTotal, discountTotal, createdAt, customer,
                lines, null);
    }

    /** Who ordered. */
    public record Customer(String name, String email, String phone) {}

    /**
     * Where the order goes, for a route to a courier: the recipient (the customer's name and phone when left out),
     * the address (a street at least; the country as an ISO 3166 code) and a note for the courier.
     */
    public record Shipping(String name, String company, String phone, String street, String streetExtra,
            String postcode, String city, String state, String country, String note) {}

    /** One line: what, how many, at what unit price (before tax). */
    public record Line(String sku, String name, String quantity, String unitPrice) {}
}
