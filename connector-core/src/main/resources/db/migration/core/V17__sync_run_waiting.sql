-- A run may end WAITING: the system was still preparing what a read from the start needs (a Shopify bulk export),
-- so the run gave its thread back. retry_at: when the read looks again. resume_with: what the connector asked to be
-- handed back when the read continues (the export's id), never a secret. read_began_at: on every read from the
-- start, when that read began (its first run's start, carried over while runs end WAITING).
ALTER TABLE sync_run ADD COLUMN retry_at DATETIME(6) NULL;
ALTER TABLE sync_run ADD COLUMN resume_with VARCHAR(500) NULL;
ALTER TABLE sync_run ADD COLUMN read_began_at DATETIME(6) NULL;
