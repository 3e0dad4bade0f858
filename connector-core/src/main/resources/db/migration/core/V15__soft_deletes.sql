-- Deletes at the source: a reconciliation pass lists the ids a system still has and soft-deletes the stored records
-- it no longer lists. Rows are never removed; deleted_at says since when a record is gone, and clears when it comes
-- back. seen_by_run is the mark of the mark-and-sweep: the id of the last reconciling run whose listing held the
-- record, so memory stays flat however large the catalogue (the ids are never held together in one process).
ALTER TABLE product ADD COLUMN deleted_at DATETIME(6) NULL;
ALTER TABLE product ADD COLUMN seen_by_run BIGINT NULL;
ALTER TABLE orders ADD COLUMN deleted_at DATETIME(6) NULL;
ALTER TABLE orders ADD COLUMN seen_by_run BIGINT NULL;

-- What a run was: SYNC (a read of what changed, or of everything with full_read) or RECONCILE (an id listing only).
-- deleted_count and revived_count are what its reconciliation pass marked deleted and brought back; null when the
-- run had none (an incremental sync, or a full sync of a system that cannot list ids).
ALTER TABLE sync_run ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'SYNC';
ALTER TABLE sync_run ADD COLUMN deleted_count BIGINT NULL;
ALTER TABLE sync_run ADD COLUMN revived_count BIGINT NULL;

-- A schedule is of a kind too: SYNC (the schedules so far) or RECONCILE (the weekly pass that finds deletes; new
-- connections get one per entity whose ids their system can list, inactive like the others). The key grows by the
-- kind; the index on connection_id keeps the connection's foreign key served while the primary key is replaced.
ALTER TABLE sync_schedule ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'SYNC';
CREATE INDEX ix_schedule_connection ON sync_schedule (connection_id);
ALTER TABLE sync_schedule DROP PRIMARY KEY;
ALTER TABLE sync_schedule ADD PRIMARY KEY (connection_id, entity, kind);
