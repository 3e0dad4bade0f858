package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;

/**
 * What to sync.
 *
 * @param full read everything from the start instead of from the cursor (stored records are still upserted,
 *             unchanged ones still left alone)
 */
public record SyncRequest(long connectionId, EntityType entity, SyncRun.Trigger trigger, boolean full) {
    public SyncRequest {
        requireNonNull(entity, "entity is null");
        requireNonNull(trigger, "trigger is null");
    }
}
