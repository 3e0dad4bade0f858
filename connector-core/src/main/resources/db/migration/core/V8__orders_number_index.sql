-- The console and GET /api/v1/orders?number= look an order up by its number, as customers quote it.
CREATE INDEX ix_orders_number ON orders (order_number, connection_id);
