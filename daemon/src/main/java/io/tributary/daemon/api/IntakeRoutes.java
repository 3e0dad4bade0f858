package io.tributary.daemon.api;

import io.tributary.connection.ConnectorRegistry;
import io.tributary.daemon.App;
import io.tributary.route.Route;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands orders sent in through the API to their store's routes, off the request thread, so a landing page is
 * answered before any courier is asked: one dispatch per connection queued at a time (orders that come in while it
 * waits go with it). No sync ever runs for such a connection, so every {@link #SWEEP} its routes also run again,
 * for the orders a courier that was down could not take. Exactly once stays the route ledger's job: two nodes, or
 * a sweep and a post, never post one order twice.
 */
final class IntakeRoutes implements AutoCloseable {
    static final Duration SWEEP = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(IntakeRoutes.class);

    private final App app;
    private final ScheduledExecutorService executor;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    IntakeRoutes(App app) {
        this.app = app;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "intake-routes");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An order came in to {@code connectionId}: its routes, if it has any, run soon, not on the request. */
    void orderCameIn(long connectionId) {
        if (!queued.add(connectionId)) { // the dispatcher finds the connection's routes, none costing one query
            return;
        }
        executor.execute(() -> {
            queued.remove(connectionId);
            dispatch(connectionId);
        });
    }

    private void sweep() {
        try {
            Set<Long> sources = new LinkedHashSet<>();
            for (Route route : app.routes().list()) {
                if (ConnectorRegistry.API_SYSTEM.equals(app.connections().find(route.sourceConnectionId())
                        .systemId())) {
                    sources.add(route.sourceConnectionId());
                }
            }
            sources.forEach(this::dispatch);
        } catch (RuntimeException e) { // the store may be down: the next sweep tries again
            log.warn("routes of orders sent in through the API could not be run: {}", e.getMessage());
        }
    }

    private void dispatch(long connectionId) {
        try {
            app.routeDispatcher().withoutSync(connectionId);
        } catch (RuntimeException e) {
            log.warn("routes of connection {} could not be run: {}", connectionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
