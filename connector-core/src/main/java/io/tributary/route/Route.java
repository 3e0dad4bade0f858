package io.tributary.route;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Orders of the source connection that reach {@code whenStatus} are posted to the target connection as
 * deliveries, with a pickup and a dropoff window that start {@code leadMinutes} from the moment of posting.
 *
 * @param referencePrefix random per route; a delivery's reference is this prefix and the order's external id
 * @param forwardSince    orders stored (new or changed) before this instant are not forwarded
 * @param completeStatus  the status the source order takes once the target reports its delivery delivered (null:
 *                        the order is left alone)
 */
public record Route(long id, long sourceConnectionId, long targetConnectionId, String whenStatus, int leadMinutes,
        int slotMinutes, String referencePrefix, Instant forwardSince, Instant createdAt, String completeStatus) {

    public Route {
        requireNonNull(whenStatus, "whenStatus is null");
        requireNonNull(referencePrefix, "referencePrefix is null");
        requireNonNull(forwardSince, "forwardSince is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** The reference a delivery of this route for this order carries. */
    public String referenceFor(String orderExternalId) {
        return referencePrefix + "-" + orderExternalId;
    }
}
