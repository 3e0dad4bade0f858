package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.route.RouteDispatcher;
import io.tributary.route.RouteRun;
import io.tributary.run.SyncRun;
import java.util.List;

/**
 * A sync and what follows it: after an orders sync, the connection's routes forward its orders (whatever the
 * sync's outcome — the pages it committed may hold orders to forward — except WAITING, which stored nothing). The one entry point for every caller: the
 * CLI, the scheduler, anything added later.
 */
public final class SyncService {
    /** The sync's run and the runs of the routes that followed it (none after a products sync). */
    public record Result(SyncRun run, List<RouteRun> routes) {
        public Result {
            requireNonNull(run, "run is null");
            routes = List.copyOf(routes);
        }

        /** Whether the sync and every route succeeded. */
        public boolean succeeded() {
            return run.outcome() == SyncRun.Outcome.SUCCEEDED
                    && routes.stream().allMatch(route -> route.outcome() == RouteRun.Outcome.SUCCEEDED);
        }
    }

    private final SyncEngine engine;
    private final RouteDispatcher routes;

    public SyncService(SyncEngine engine, RouteDispatcher routes) {
        this.engine = requireNonNull(engine, "engine is null");
        this.routes = requireNonNull(routes, "routes is null");
    }

    /**
     * Runs one sync, then the routes it triggers; throws what {@link SyncEngine#run} throws. A run left WAITING stored
     * nothing, so no route runs after it: they run after the run that reads what it waited for.
     */
    public Result run(SyncRequest request, SyncListener listener) {
        SyncRun run = engine.run(request, listener);
        if (run.outcome() == SyncRun.Outcome.WAITING) {
            return new Result(run, List.of());
        }
        return new Result(run, routes.afterOrdersSync(run));
    }

    /** Runs one reconciliation pass (no routes follow it); throws what {@link SyncEngine#reconcile} throws. */
    public Result reconcile(SyncRequest request) {
        return new Result(engine.reconcile(request), List.of());
    }

    /** Whether the engine is stopping (no new syncs start). */
    public boolean stopping() {
        return engine.stopping();
    }
}
