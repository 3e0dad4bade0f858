package io.tributary.testkit.coopcycle;

import java.time.Instant;

/** A delivery of a fake store: two tasks, maybe a linked order with its total in cents. */
final class CoopCycleDelivery {
    final long id;
    final long storeId;
    final Instant createdAt;
    final CoopCycleTask pickup;
    final CoopCycleTask dropoff;
    Long orderId;
    String orderNumber;
    Integer orderTotal;
    Integer orderTaxTotal;
    String trackingToken;
    int distance;
    int duration;

    CoopCycleDelivery(long id, long storeId, Instant createdAt, CoopCycleTask pickup, CoopCycleTask dropoff) {
        this.id = id;
        this.storeId = storeId;
        this.createdAt = createdAt;
        this.pickup = pickup;
        this.dropoff = dropoff;
    }

    String iri() {
        return "/api/deliveries/" + id;
    }

    void status(String pickupStatus, String dropoffStatus, Instant at) {
        pickup.status = pickupStatus;
        pickup.updatedAt = at;
        dropoff.status = dropoffStatus;
        dropoff.updatedAt = at;
    }
}
