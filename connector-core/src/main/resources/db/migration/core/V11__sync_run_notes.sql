-- What a run wants its reader to know beside its counts and error: a fallback taken (a Shopify bulk export that
-- could not run, read page by page instead), a mode chosen. One sentence per line.
ALTER TABLE sync_run ADD COLUMN notes VARCHAR(4000) NULL;
