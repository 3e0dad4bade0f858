package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.FailureTracker;
import io.tributary.connection.StoredConnection;
import io.tributary.run.LeaseLostException;
import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.ProcessName;
import io.tributary.run.RecordWriter;
import io.tributary.run.SyncCursors;
import io.tributary.run.SyncLease;
import io.tributary.run.SyncLeases;
import io.tributary.run.SyncRun;
import io.tributary.run.SyncRuns;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connector stream into the store: takes the (connection, entity) lease so no other process syncs it
 * at the same time, loads the connection and its cursor, reads pages from the cursor minus the lookback, stores
 * each page and moves the cursor in one transaction, and records the run from start to outcome. Logs one line per
 * run. Safe to call from several threads for different (connection, entity). {@link #requestStop()} makes
 * running syncs stop at their next page boundary; {@link #abortRunning()} closes them at once, for a process about
 * to exit without waiting for them.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final SyncRuns runs;
    private final SyncCursors cursors;
    private final RecordWriter writer;
    private final Duration lookback;
    private final SyncLeases leases;
    private final FailureTracker failures;
    private final SyncRunHook hook;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<Long, Attempt> running = new ConcurrentHashMap<>();

    private SyncEngine(Builder builder) {
        CentralStore store = builder.store;
        this.connections = builder.connections;
        this.registry = builder.registry;
        this.context = builder.context;
        this.lookback = builder.lookback;
        this.runs = new SyncRuns(store, builder.clock);
        this.cursors = new SyncCursors(store.dataSource());
        this.writer = new RecordWriter(store.dataSource(), builder.clock);
        this.leases = builder.leases != null ? builder.leases : new SyncLeases(store, builder.clock,
                Duration.ofSeconds(60), ProcessName.of("local"));
        this.failures = new FailureTracker(store.dataSource(), builder.failingAfter);
        this.hook = builder.hook;
    }

    /** An engine over {@code store} that syncs the connections of {@code connections} with the given plugins. */
    public static Builder builder(CentralStore store, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context) {
        return new Builder(store, connections, registry, context);
    }

    /**
     * Runs one sync to its end and returns the closed run (SUCCEEDED, FAILED or STOPPED, with counts and error).
     * Failures of the source or the store end the run as FAILED; they are not thrown.
     *
     * @throws io.tributary.store.NotFoundException when the connection does not exist
     * @throws InvalidInputException                when the connection is disabled or its system does not
     *                                              provide the entity (no run is recorded then)
     * @throws io.tributary.run.SyncInProgressException when another process is syncing the same (connection,
     *                                              entity) (no run is recorded then)
     * @throws EngineStoppingException              when the engine is stopping (no run is recorded then)
     * @throws io.tributary.secret.SecretsException  when the connection's credentials cannot be opened with the
     *                                              master key in use (no run is recorded then)
     */
    public SyncRun run(SyncRequest request, SyncListener listener) {
        StoredConnection connection = connections.find(request.connectionId());
        ConnectorProvider provider = runnableProvider(connection, request);
        // credentials that cannot be opened (a master key that does not fit) are a configuration error of this
        // process, not a failure of the connection: thrown before any run is recorded or counted as failing
        ConnectionSettings settings = connections.settings(connection.id());
        SyncLease lease = leases.acquire(connection.id(), request.entity());
        SyncRun run;
        try {
            run = runs.start(connection.id(), request.entity(), request.trigger(), request.full(), leases.owner());
            leases.attach(lease, run.id());
        } catch (RuntimeException e) {
            leases.release(lease);
            throw e;
        }
        long started = System.nanoTime();
        Attempt attempt = new Attempt(run, request, lease);
        AtomicBoolean lost = new AtomicBoolean();
        long period = Math.max(100, leases.duration().toMillis() / 3);
        ScheduledFuture<?> heartbeat = HEARTBEAT.scheduleAtFixedRate(() -> renew(lease, lost), period, period,
                TimeUnit.MILLISECONDS);
        running.put(run.id(), attempt);
        attempt.settings = settings;
        try {
            copyPages(attempt, provider, listener, lost);
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException | LeaseLostException e) {
            attempt.error = e.getMessage();
        } catch (RuntimeException e) {
            attempt.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.debug("sync of connection {} failed", connection.id(), e);
        } finally {
            heartbeat.cancel(false);
            leases.release(lease);
            running.remove(run.id());
        }
        SyncRun closed = close(attempt);
        String label = "connection " + connection.id() + " (" + connection.name() + ")";
        if (closed.outcome() == SyncRun.Outcome.SUCCEEDED) {
            failures.recordSuccess(connection.id(), label);
        } else if (closed.outcome() == SyncRun.Outcome.FAILED) {
            failures.recordFailure(connection.id(), label, closed.errorMessage());
        }
        long took = System.nanoTime() - started;
        RunLog.log(connection, closed, took);
        hook.runClosed(connection.systemId(), closed, Duration.ofNanos(took));
        return closed;
    }

    /** The connector of a connection that may sync {@code request}'s entity now, or why it may not. */
    private ConnectorProvider runnableProvider(StoredConnection connection, SyncRequest request) {
        ConnectorProvider provider = registry.require(connection.systemId());
        if (!provider.supportedEntities().contains(request.entity())) {
            throw new InvalidInputException("entity",
                    new UnsupportedEntityException(provider.displayName(), request.entity()).getMessage());
        }
        if (!connection.enabled()) {
            throw new InvalidInputException("connection", "Connection " + connection.id() + " (" + connection.name()
                    + ") is disabled; enable it before syncing.");
        }
        if (stopping.get()) {
            throw new EngineStoppingException();
        }
        return provider;
    }

    /**
     * Reads the stream page by page from the cursor minus the lookback, one page ahead of storing, and stores each
     * page with its cursor.
     */
    private void copyPages(Attempt attempt, ConnectorProvider provider, SyncListener listener, AtomicBoolean lost) {
        SyncRequest request = attempt.request;
        long connectionId = request.connectionId();
        SyncCursor cursor = request.full() ? SyncCursor.START : cursors.load(connectionId, request.entity());
        SyncCursor from = cursor.minus(lookback);
        listener.started(attempt.run, from);
        try (Connector connector = provider.open(attempt.settings, context);
                RecordStream stream = connector.read(request.entity(), from);
                // the next page is fetched while this one is stored; closed (reader stopped) before the stream
                ReadAhead pages = ReadAhead.start(stream, "tributary-read-" + connectionId + "-"
                        + request.entity().cliName())) {
            for (Optional<RecordPage> page = pages.next(); page.isPresent(); page = pages.next()) {
                if (lost.get()) {
                    throw new LeaseLostException("This process lost the lease on syncing "
                            + request.entity().cliName() + " of connection " + connectionId
                            + "; it stopped without writing more.");
                }
                PageWrite write = new PageWrite(connectionId, request.entity(), attempt.run.id(), page.get(), cursor,
                        attempt.totals);
                PageCounts stored = writer.write(write, leases, attempt.lease);
                attempt.totals = attempt.totals.plus(stored);
                hook.pageStored(provider.systemId(), request.entity(), stored);
                cursor = write.cursorAfter();
                listener.pageStored(attempt.totals, cursor);
                if (stopping.get()) {
                    attempt.stopped = true;
                    return;
                }
            }
        }
    }

    /** Records how the attempt ended: STOPPED when the engine is stopping, else SUCCEEDED or FAILED. */
    private SyncRun close(Attempt attempt) {
        String error = attempt.error;
        SyncRun.Outcome outcome;
        if (attempt.stopped || (error != null && stopping.get())) {
            outcome = SyncRun.Outcome.STOPPED;
            error = "Stopped at a page boundary because Tributary is shutting down; the next run continues from the "
                    + "committed cursor." + (error == null ? "" : " (" + error + ")");
        } else {
            outcome = error == null ? SyncRun.Outcome.SUCCEEDED : SyncRun.Outcome.FAILED;
        }
        error = error == null ? null : RunLog.withoutSecrets(error, attempt.settings);
        return runs.finish(attempt.run.id(), outcome, attempt.totals, error);
    }

    /** Makes running syncs stop at their next page boundary (cursor committed) and refuses new ones. */
    public void requestStop() {
        stopping.set(true);
    }

    public boolean stopping() {
        return stopping.get();
    }

    /**
     * For a process that exits now rather than at the next page boundary (a second Ctrl-C): refuses new syncs,
     * releases the lease of every running sync (so its page in flight, if any, can no longer commit) and closes its
     * run as STOPPED with the counts committed so far. The threads running them are left to the exit. Returns the
     * runs closed.
     */
    public List<SyncRun> abortRunning() {
        stopping.set(true);
        List<SyncRun> closed = new ArrayList<>();
        for (Attempt attempt : List.copyOf(running.values())) {
            leases.release(attempt.lease);
            running.remove(attempt.run.id());
            closed.add(runs.finish(attempt.run.id(), SyncRun.Outcome.STOPPED, attempt.totals, "Aborted at once by a "
                    + "second interrupt; the pages stored before it are kept and the next run continues from the "
                    + "committed cursor."));
        }
        return closed;
    }

    private void renew(SyncLease lease, AtomicBoolean lost) {
        try {
            if (!leases.renew(lease)) {
                lost.set(true);
            }
        } catch (RuntimeException e) {
            log.debug("renewing the lease of connection {} failed; the next page write checks it again",
                    lease.connectionId(), e);
        }
    }

    /** The state of one run while it copies pages. */
    private static final class Attempt {
        final SyncRun run;
        final SyncRequest request;
        final SyncLease lease;
        ConnectionSettings settings;
        volatile PageCounts totals = PageCounts.ZERO;
        String error;
        boolean stopped;

        Attempt(SyncRun run, SyncRequest request, SyncLease lease) {
            this.run = run;
            this.request = request;
            this.lease = lease;
        }
    }

    /**
     * Builds an engine. Required: the store, the connections, the plugins and the context connectors open with.
     * Defaults: the UTC system clock, no lookback, leases of 60 s owned by {@code local@host:pid}, a connection
     * flagged failing after 3 failed runs in a row, no hook.
     */
    public static final class Builder {
        private final CentralStore store;
        private final ConnectionService connections;
        private final ConnectorRegistry registry;
        private final ConnectorContext context;
        private Clock clock = Clock.systemUTC();
        private Duration lookback = Duration.ZERO;
        private SyncLeases leases;
        private int failingAfter = 3;
        private SyncRunHook hook = SyncRunHook.NONE;

        private Builder(CentralStore store, ConnectionService connections, ConnectorRegistry registry,
                ConnectorContext context) {
            this.store = requireNonNull(store, "store is null");
            this.connections = requireNonNull(connections, "connections is null");
            this.registry = requireNonNull(registry, "registry is null");
            this.context = requireNonNull(context, "context is null");
        }

        /** The clock runs and cursors are stamped with. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** How far before the committed cursor each incremental sync starts reading (edits seen late). */
        public Builder lookback(Duration lookback) {
            requireNonNull(lookback, "lookback is null");
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("lookback cannot be negative");
            }
            this.lookback = lookback;
            return this;
        }

        /** The leases this process takes, with their duration and owner name. */
        public Builder leases(SyncLeases leases) {
            this.leases = requireNonNull(leases, "leases is null");
            return this;
        }

        /** Failed runs in a row after which a connection is flagged failing. */
        public Builder failingAfter(int runs) {
            if (runs < 1) {
                throw new IllegalArgumentException("failingAfter must be at least 1, got " + runs);
            }
            this.failingAfter = runs;
            return this;
        }

        /** Hears about every run and page of the engine (the daemon's metrics). */
        public Builder hook(SyncRunHook hook) {
            this.hook = requireNonNull(hook, "hook is null");
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
