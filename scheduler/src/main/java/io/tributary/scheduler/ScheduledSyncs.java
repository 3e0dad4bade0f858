package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.tributary.run.SyncInProgressException;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.secret.SecretsException;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.StoreException;
import io.tributary.sync.EngineStoppingException;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a firing does: one SCHEDULED sync through the {@link SyncService} (so an orders sync runs its routes). A
 * firing that finds the (connection, entity) busy is skipped (the next firing covers it), except when Quartz
 * recovers the job of a node that died: then the dead node's lease is waited out, and the sync continues from the
 * last committed cursor. Both waits are Resilience4j retries, as in the HTTP stack.
 */
public final class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private final SyncService syncs;
    private final Duration recoveryWait;

    public ScheduledSyncs(SyncService syncs, Duration recoveryWait) {
        this.syncs = requireNonNull(syncs, "syncs is null");
        this.recoveryWait = requireNonNull(recoveryWait, "recoveryWait is null");
    }

    /** Runs one scheduled sync; returns the run, or null when it was skipped. */
    public SyncRun run(long connectionId, EntityType entity, boolean recovering) {
        return run(connectionId, entity, recovering, false, false);
    }

    /**
     * Runs one firing: a scheduled sync, or a "sync now" that the cluster's scheduler placed on this node (MANUAL,
     * a full read when asked); returns the run, or null when it was skipped.
     */
    public SyncRun run(long connectionId, EntityType entity, boolean recovering, boolean manual, boolean full) {
        SyncRun.Trigger trigger = manual ? SyncRun.Trigger.MANUAL : SyncRun.Trigger.SCHEDULED;
        return run(connectionId, entity, recovering, "sync", () -> syncs.run(new SyncRequest(connectionId, entity,
                trigger, full), SyncListener.NONE).run());
    }

    /**
     * Runs one scheduled reconciliation pass (deletes at the source); returns the run, or null when it was skipped.
     * It shares the lease of the (connection, entity)'s syncs, and fires weekly: when a sync holds the lease, it
     * waits for it (as a recovered firing waits, up to the recovery wait) rather than skip a whole week.
     */
    public SyncRun reconcile(long connectionId, EntityType entity, boolean recovering) {
        return run(connectionId, entity, true, "reconcile", () -> syncs.reconcile(new SyncRequest(connectionId,
                entity, SyncRun.Trigger.SCHEDULED, false)).run());
    }

    private SyncRun run(long connectionId, EntityType entity, boolean recovering, String what, Supplier<SyncRun> sync) {
        Instant giveUp = Instant.now().plus(recoveryWait);
        // a store that failed to start the run: up to 3 tries, unless the daemon is stopping
        Retry storeRetry = Retry.of("scheduled-sync-store", RetryConfig.custom()
                .maxAttempts(3)
                .waitDuration(PAUSE)
                .retryOnException(e -> e instanceof StoreException && !syncs.stopping())
                .build());
        // a recovered firing of a dead node waits out that node's lease, until recoveryWait has passed
        Retry recoveryRetry = Retry.of("scheduled-sync-recovery", RetryConfig.custom()
                .maxAttempts((int) Math.max(1, recoveryWait.dividedBy(PAUSE)) + 1)
                .waitDuration(PAUSE)
                .retryOnException(e -> e instanceof SyncInProgressException && recovering
                        && Instant.now().isBefore(giveUp) && !syncs.stopping())
                .build());
        try {
            return Retry.decorateSupplier(recoveryRetry, Retry.decorateSupplier(storeRetry, sync)).get();
        } catch (SyncInProgressException busy) {
            log.info("scheduled {} of {} for connection {} skipped: {}", what, entity.cliName(), connectionId,
                    busy.getMessage());
        } catch (InvalidInputException | NotFoundException | SecretsException refused) {
            log.warn("scheduled {} of {} for connection {} skipped: {}", what, entity.cliName(), connectionId,
                    refused.getMessage());
        } catch (StoreException storeFailure) {
            log.warn("scheduled {} of {} for connection {} could not start: {}", what, entity.cliName(), connectionId,
                    storeFailure.getMessage());
        } catch (EngineStoppingException stopping) {
            log.info("scheduled {} of {} for connection {} not started: {}", what, entity.cliName(), connectionId,
                    stopping.getMessage());
        }
        return null;
    }
}
