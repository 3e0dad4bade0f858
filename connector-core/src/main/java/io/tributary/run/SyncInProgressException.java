package io.tributary.run;

import io.tributary.spi.EntityType;
import java.time.Instant;

/** Another process holds the lease on syncing this (connection, entity): the sync was not started. */
public class SyncInProgressException extends RuntimeException {
    private final Long runId;

    public SyncInProgressException(long connectionId, EntityType entity, Long runId, String owner, Instant since) {
        this(connectionId, entity, runId, owner, since, null);
    }

    /**
     * @param expiresAt when the holder's lease runs out unless it renews it (it may still be alive, or hung), or
     *                  null when unknown
     */
    public SyncInProgressException(long connectionId, EntityType entity, Long runId, String owner, Instant since,
            Instant expiresAt) {
        super(capitalized(entity.cliName()) + " of connection " + connectionId + " are being synced already"
                + (runId == null ? "" : " by run " + runId) + " (" + owner + ", since " + since
                + "); this sync was not started. Try again when that one has finished"
                + (expiresAt == null ? "." : " (its lease runs until " + expiresAt + " unless it renews it)."));
        this.runId = runId;
    }

    /** The run holding the lease, when known. */
    public Long runId() {
        return runId;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
