package io.tributary.daemon.api;

import io.tributary.run.SyncRun;
import io.tributary.spi.SyncCursor;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a sync for the API and answers as soon as its run is recorded (or refused): the sync goes through the same
 * {@link SyncService} (engine, lease, routes) as the CLI and the scheduler, on a thread of its own, so the lease
 * keeps any second run of the same connection and entity out, on this node or another.
 */
final class SyncStarter implements SyncPlacement {
    private static final Logger log = LoggerFactory.getLogger(SyncStarter.class);
    private final Supplier<SyncService> syncs;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tributary-api-sync");
        thread.setDaemon(true);
        return thread;
    });

    private final java.time.Duration stopTimeout;

    /** @param stopTimeout how long {@link #close()} waits for syncs still running (they stop at a page boundary) */
    SyncStarter(Supplier<SyncService> syncs, java.time.Duration stopTimeout) {
        this.syncs = syncs;
        this.stopTimeout = stopTimeout;
    }

    /** The run just opened (RUNNING), or the exception that kept the sync from starting. */
    @Override
    public SyncRun start(SyncRequest request) throws InterruptedException {
        CompletableFuture<SyncRun> started = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                SyncService.Result result = syncs.get().run(request, new SyncListener() {
                    @Override
                    public void started(SyncRun run, SyncCursor from) {
                        started.complete(run);
                    }
                });
                started.complete(result.run());
            } catch (RuntimeException e) {
                if (!started.completeExceptionally(e)) {
                    log.warn("sync of connection {} ({}) started by the API failed: {}", request.connectionId(),
                            request.entity().cliName(), e.getMessage());
                }
            }
        });
        try {
            return started.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The sync did not start within 60 s.", e);
        }
    }

    /**
     * Takes no more syncs and waits for the running ones: the engine was told to stop, so each ends at its next
     * page boundary as STOPPED with its cursor committed, rather than being cut off when the process exits.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("syncs started through the API still running after {} s", stopTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
