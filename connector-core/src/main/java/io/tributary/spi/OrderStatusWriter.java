package io.tributary.spi;

/**
 * An optional capability of a {@link Connector}: the system takes a new status for one of its orders. The host
 * checks {@code connector instanceof OrderStatusWriter} before writing a status changed centrally back to the shop
 * that owns the order; a system whose orders cannot be changed from here does not implement it.
 *
 * <p>Exactly once is the host's job (it records each attempt, and does not write when the order already has the
 * status); the connector's part is to send the change once, never retried behind the host's back (a lost answer
 * may hide a change that was made). Called from the thread serving the request, one call at a time per connector.
 */
public interface OrderStatusWriter {
    /**
     * Gives order {@code externalOrderId} (its id as {@link OrderRecord#externalId()} holds it) the status
     * {@code status}, in the system's own words for statuses, and checks that the system took it.
     *
     * @return the system's answer: its HTTP status and a short quote of what it said
     * @throws ConnectorException with one sentence saying why the system did not take the status (a credential
     *                            that may not write, a transition it forbids, the system unreachable); the message
     *                            never contains a secret
     */
    OrderStatusWrite writeOrderStatus(String externalOrderId, String status);

    /**
     * What the system answered to a status it took.
     *
     * @param httpStatus the HTTP status of the answer that made the change
     * @param answer     a short one-line quote of that answer (never a credential)
     */
    record OrderStatusWrite(int httpStatus, String answer) {
        public OrderStatusWrite {
            java.util.Objects.requireNonNull(answer, "answer is null");
        }
    }
}
