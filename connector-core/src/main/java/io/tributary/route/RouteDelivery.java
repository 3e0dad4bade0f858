package io.tributary.route;

import java.time.Instant;

/**
 * What a route remembers of one order: whether its delivery is in flight, posted or refused.
 *
 * @param reference    what the delivery carries so it can be found again after a crash
 * @param deliveryId   the target's id of the delivery once posted (CoopCycle: its IRI), else null
 * @param refusals     how many times the target refused the order (each time in a new version of it)
 * @param reason       the target's reason for the last refusal, else null
 * @param claimedUntil while a dispatcher works on the order, until when it holds it; else null
 * @param completedAt  when the route completed the order after the target reported it delivered (or the shop
 *                     refused that), for a route with a complete status; else null
 * @param completion   what came of completing it: the status set, or the shop's refusal; else null
 */
public record RouteDelivery(String orderExternalId, String orderNumber, String reference, State state,
        String deliveryId, String trackingUrl, int refusals, String reason, Instant claimedUntil, Instant createdAt,
        Instant updatedAt, Instant completedAt, String completion) {

    /** INTENT: recorded before posting, the delivery may exist; POSTED: it does; REFUSED: the target said no. */
    public enum State { INTENT, POSTED, REFUSED }

    /** How many orders of a route are posted, refused, and in flight. */
    public record Counts(long posted, long refused, long intents) {}
}
