package io.tributary.daemon.api;

import static java.util.Objects.requireNonNull;

import io.tributary.daemon.App;
import io.tributary.run.SyncInProgressException;
import io.tributary.run.SyncRun;
import io.tributary.scheduler.SyncNow;
import io.tributary.sync.SyncRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * "Sync now" in the daemon: handed to the cluster's scheduler, which runs it on whichever node acquires the firing
 * first (this one or another), and answered once that run is recorded. A (connection, entity) already syncing is
 * refused naming its run; the lease and the job's single execution keep two runs from overlapping on any node. A
 * connection whose job the reconciler has not made yet is synced here, as without a scheduler.
 */
final class ScheduledSyncStarter implements SyncPlacement {
    /** Clocks of the nodes agree within this (Quartz requires synchronized clocks too). */
    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private final App app;
    private final SyncNow syncNow;
    private final SyncPlacement local;

    ScheduledSyncStarter(App app, SyncNow syncNow, SyncPlacement local) {
        this.app = requireNonNull(app, "app is null");
        this.syncNow = requireNonNull(syncNow, "syncNow is null");
        this.local = requireNonNull(local, "local is null");
    }

    @Override
    public SyncRun start(SyncRequest request) throws InterruptedException {
        app.leases().abandonExpired();
        SyncRun newest = newest(request);
        if (newest != null && newest.outcome() == SyncRun.Outcome.RUNNING) {
            throw new SyncInProgressException(request.connectionId(), request.entity(), newest.id(), newest.node(),
                    newest.startedAt());
        }
        // refuse what a run would refuse (disabled, unknown entity) before handing anything to the scheduler
        app.engine().checkRunnable(request);
        Instant requested = Instant.now().minus(CLOCK_TOLERANCE);
        if (!syncNow.request(request.connectionId(), request.entity(), request.full())) {
            return local.start(request);
        }
        long giveUp = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < giveUp) {
            SyncRun run = newest(request);
            if (run != null && !run.startedAt().isBefore(requested)) {
                return run;
            }
            Thread.sleep(100); // polling the database: the run may start on another node
        }
        throw new ApiFailure(503, "The sync of " + request.entity().cliName() + " of connection "
                + request.connectionId() + " was handed to the scheduler but did not start within "
                + START_WAIT.toSeconds() + " s (every node busy?); it runs when a node is free: see GET /api/v1/runs.",
                java.util.Map.of());
    }

    private SyncRun newest(SyncRequest request) {
        List<SyncRun> runs = app.runs().list(request.connectionId(), request.entity(), 1);
        return runs.isEmpty() ? null : runs.get(0);
    }

    @Override
    public void close() {
        local.close();
    }
}
