package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One order to be delivered, as the host asks a {@link DeliveryTarget} to create it.
 *
 * @param reference   the host's unique reference for this (route, order); the target stores it with the delivery
 *                    (CoopCycle: in the tasks' metadata) so {@link DeliveryTarget#findDeliveries} can find it
 * @param orderNumber the order's number as the shop shows it, for the courier's comments; may be null
 * @param origin      where the order comes from (the shop connection's name), for the courier's comments
 * @param shipment    what to deliver to whom
 * @param pickup      when the courier should pick the order up at the store
 * @param dropoff     when the courier should hand it over
 */
public record DeliveryRequest(
        String reference, String orderNumber, String origin, Shipment shipment, Window pickup, Window dropoff) {

    public DeliveryRequest {
        requireNonNull(reference, "reference is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(shipment, "shipment is null");
        requireNonNull(pickup, "pickup is null");
        requireNonNull(dropoff, "dropoff is null");
        if (reference.isBlank() || reference.length() > 150) {
            throw new IllegalArgumentException("a delivery reference must be 1-150 characters");
        }
    }

    /** A time window, {@code after} strictly before {@code before}. */
    public record Window(Instant after, Instant before) {
        public Window {
            requireNonNull(after, "after is null");
            requireNonNull(before, "before is null");
            if (!after.isBefore(before)) {
                throw new IllegalArgumentException("a time window must end after it starts: " + after + ".." + before);
            }
        }
    }
}
