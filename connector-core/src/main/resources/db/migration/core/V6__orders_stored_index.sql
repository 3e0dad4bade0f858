-- orders/statuses?since= of the admin API pages orders by the time a change was stored.
CREATE INDEX ix_orders_synced ON orders (synced_at, connection_id, external_id);
