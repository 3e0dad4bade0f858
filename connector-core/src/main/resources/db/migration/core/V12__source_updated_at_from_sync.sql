-- A record whose source gives no modification time (CoopCycle deliveries) is now stored with the time of the sync
-- that stored its content. Rows stored before have no time at all; the time they were last written is that time.
UPDATE orders SET source_updated_at = synced_at WHERE source_updated_at IS NULL;
UPDATE product SET source_updated_at = synced_at WHERE source_updated_at IS NULL;
