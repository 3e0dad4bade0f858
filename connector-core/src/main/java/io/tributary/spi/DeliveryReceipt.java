package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/**
 * A delivery that exists in the target system.
 *
 * @param deliveryId  the system's identifier for it (CoopCycle: the delivery's IRI, {@code /api/deliveries/5120})
 * @param trackingUrl a public tracking page, or null when the system gives none
 */
public record DeliveryReceipt(String deliveryId, String trackingUrl) {
    public DeliveryReceipt {
        requireNonNull(deliveryId, "deliveryId is null");
        if (deliveryId.isBlank() || deliveryId.length() > 255) {
            throw new IllegalArgumentException("a delivery id must be 1-255 characters");
        }
    }
}
