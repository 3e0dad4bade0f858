package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.run.SyncInProgressException;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.StoreException;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a firing does: one SCHEDULED sync through the {@link SyncService} (so an orders sync runs its routes). A firing that finds the (connection, entity) busy is skipped (the next firing covers it), except when
 * Quartz recovers the job of a node that died: then the dead node's lease is waited out, and the sync continues
 * from the last committed cursor.
 */
public final class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    private final SyncService syncs;
    private final Duration recoveryWait;

    public ScheduledSyncs(SyncService syncs, Duration recoveryWait) {
        this.syncs = requireNonNull(syncs, "syncs is null");
        this.recoveryWait = requireNonNull(recoveryWait, "recoveryWait is null");
    }

    /** Runs one scheduled sync; returns the run, or null when it was skipped. */
    public SyncRun run(long connectionId, EntityType entity, boolean recovering) {
        Instant giveUp = Instant.now().plus(recoveryWait);
        int storeFailures = 0;
        while (true) {
            try {
                return syncs.run(new SyncRequest(connectionId, entity, SyncRun.Trigger.SCHEDULED, false),
                        SyncListener.NONE).run();
            } catch (SyncInProgressException busy) {
                if (!recovering || Instant.now().isAfter(giveUp) || syncs.stopping()) {
                    log.info("scheduled sync of {} for connection {} skipped: {}", entity.cliName(), connectionId,
                            busy.getMessage());
                    return null;
                }
                sleep();
                continue;
            } catch (InvalidInputException | NotFoundException refused) {
                log.warn("scheduled sync of {} for connection {} skipped: {}", entity.cliName(), connectionId,
                        refused.getMessage());
                return null;
            } catch (StoreException storeFailure) {
                if (++storeFailures >= 3 || syncs.stopping()) {
                    log.warn("scheduled sync of {} for connection {} could not start: {}", entity.cliName(),
                            connectionId, storeFailure.getMessage());
                    return null;
                }
                sleep();
                continue;
            } catch (IllegalStateException stopping) {
                log.info("scheduled sync of {} for connection {} not started: {}", entity.cliName(), connectionId,
                        stopping.getMessage());
                return null;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a dead node's lease to expire", e);
        }
    }
}
