-- Whether the lease's holder also holds the MariaDB named lock of its (connection, entity) on a session of its
-- own: the server frees that lock the moment the holder's connection drops, so a dead holder on another host is
-- seen at once instead of when its lease runs out.
ALTER TABLE sync_lease ADD COLUMN session_lock BOOLEAN NOT NULL DEFAULT FALSE;
