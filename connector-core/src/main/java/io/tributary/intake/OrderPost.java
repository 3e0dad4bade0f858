package io.tributary.intake;

import java.util.List;

/**
 * An order as a landing page sends it, every value as given (amounts and quantities as decimal strings), checked by
 * {@link OrderIntake}. {@code problems} carries what the reader of the request already found wrong with its shape
 * (a number where a decimal string belongs, say), so that one answer names every invalid field.
 */
public record OrderPost(String store, String number, String status, String currency, String total,
        String totalTax, String shippingTotal, String discountTotal, String createdAt, Customer customer,
        List<Line> lines) {

    /** Who ordered. */
    public record Customer(String name, String email, String phone) {}

    /** One line: what, how many, at what unit price (before tax). */
    public record Line(String sku, String name, String quantity, String unitPrice) {}
}
