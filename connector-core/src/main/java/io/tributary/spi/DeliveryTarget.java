package io.tributary.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An optional capability of a {@link Connector}: the system it talks to accepts orders as deliveries (a courier
 * platform such as CoopCycle). The host checks {@code connector instanceof DeliveryTarget} before routing orders to
 * a connection; connectors of shops do not implement it.
 *
 * <p>Exactly-once delivery is the host's job (it records an intent before posting and reconciles after a crash);
 * the connector's part is to send each create request once, never retried behind the host's back, and to find
 * deliveries again by the reference the host gave them. Called from the thread running the route, one call at
 * a time per connector.
 */
public interface DeliveryTarget {
    /**
     * Creates one delivery, sending the request exactly once (no retry: a lost answer may hide a delivery that
     * was created, which only {@link #findDeliveries} can tell).
     *
     * @throws DeliveryRefusedException when the system refused the request as invalid: nothing was created
     * @throws ConnectorException       for any other failure; the delivery may or may not exist
     */
    DeliveryReceipt createDelivery(DeliveryRequest request);

    /**
     * Finds the deliveries created since {@code createdSince} that carry one of {@code references} (as given in
     * {@link DeliveryRequest#reference()}). Read-only and safe to retry.
     *
     * @return the receipts found, by reference; references not found are absent
     */
    Map<String, DeliveryReceipt> findDeliveries(Set<String> references, Instant createdSince);

    /**
     * The external id under which a sync of this connection stores delivery {@code deliveryId} as an order, so a
     * route can tell from the central store that its delivery was delivered; null when deliveries are not synced.
     */
    default String storedIdOf(String deliveryId) {
        return null;
    }

    /** The status a synced delivery has once it reached its recipient; null when deliveries are not synced. */
    default String deliveredStatus() {
        return null;
    }
}
