package io.tributary.spi;

/**
 * An optional capability of a {@link ConnectorProvider} whose orders can be handed to a courier: it reads what a
 * delivery needs (recipient, address, items, note) from an order as its connector stored it (the order's raw
 * JSON). Stateless and thread-safe; does no I/O. The host routes only orders of systems whose provider
 * implements it.
 */
public interface ShippableOrders {
    /**
     * The shipment of one stored order.
     *
     * @param orderRawJson the order's raw JSON, as {@link OrderRecord#rawJson()} delivered it
     * @throws IllegalArgumentException with one sentence naming what is missing when the order cannot be delivered
     *                                  (no shipping address, for instance)
     */
    Shipment shipmentOf(String orderRawJson);
}
