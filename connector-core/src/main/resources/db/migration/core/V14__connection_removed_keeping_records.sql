-- A connection removed with --keep-records stays as a row without credentials, schedules, cursors, leases, routes
-- or runs, so that its stored products and orders keep their connection id and store. removed_at says when.
ALTER TABLE connection ADD COLUMN removed_at DATETIME(6) NULL;

-- Names are unique per store among connections in use only: name_scope is 0 for those, and a removed connection's
-- own id, so a new connection can take its name. The new key starts with store_id, as the store's foreign key needs.
ALTER TABLE connection ADD COLUMN name_scope BIGINT NOT NULL DEFAULT 0;
ALTER TABLE connection ADD CONSTRAINT uq_connection_store_name_scope UNIQUE (store_id, name, name_scope);
ALTER TABLE connection DROP INDEX uq_connection_store_name;
