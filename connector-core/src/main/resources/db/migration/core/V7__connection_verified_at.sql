-- When a connection last proved to work: a verification that succeeded, or a successful sync. NULL until then, and
-- again after a failed verification or a change of its URL or credentials: the connection is then "unverified".
ALTER TABLE connection ADD COLUMN verified_at DATETIME(6) NULL;

-- Connections that already synced successfully have proved to work.
UPDATE connection SET verified_at = (SELECT MAX(r.finished_at) FROM sync_run r
                                     WHERE r.connection_id = connection.id AND r.outcome = 'SUCCEEDED');
