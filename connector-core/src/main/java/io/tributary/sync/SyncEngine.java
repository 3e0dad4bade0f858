package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionFacts;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.FailureTracker;
import io.tributary.connection.StoredConnection;
import io.tributary.record.StoredProductLinks;
import io.tributary.run.LeaseLostException;
import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.ProcessName;
import io.tributary.run.Reconciliation;
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
import io.tributary.spi.IdListing;
import io.tributary.spi.NotListableException;
import io.tributary.spi.ReadNotReadyException;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connector stream into the store: takes the (connection, entity) lease so no other process syncs it
 * at the same time, loads the connection and its cursor, reads pages from the cursor minus the lookback, stores
 * each page and moves the cursor in one transaction, and records the run from start to outcome. Logs one line per
 * run. A read whose system is still preparing what it needs ({@link ReadNotReadyException}) closes its run WAITING
 * and gives the thread back; the caller decides when to run it again ({@link SyncRun#retryAt()}), and that run
 * continues the same read ({@code Connector.continueRead}). Safe to call from several threads for different
 * (connection, entity). {@link #requestStop()} makes
 * running syncs stop at their next page boundary; {@link #abortRunning()} closes them at once, for a process about
 * to exit without waiting for them.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    /**
     * How long a read from the start left WAITING stays pending: a run after that (the retry got lost, the daemon was
     * down for a day) starts the read anew rather than take up an export that old.
     */
    static final Duration PENDING_AT_MOST = Duration.ofDays(1);
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
    private final Reconciliation reconciliation;
    private final Duration lookback;
    private final SyncLeases leases;
    private final FailureTracker failures;
    private final SyncRunHook hook;
    private final Clock clock;
    private final int writeGroupRecords;
    private final DataSource dataSource;
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
        this.reconciliation = new Reconciliation(store.dataSource(), builder.clock);
        this.leases = builder.leases != null ? builder.leases : new SyncLeases(store, builder.clock,
                Duration.ofSeconds(60), ProcessName.of("local"));
        this.failures = new FailureTracker(store.dataSource(), builder.failingAfter);
        this.hook = builder.hook;
        this.clock = builder.clock;
        this.writeGroupRecords = builder.writeGroupRecords;
        this.dataSource = store.dataSource();
    }

    /**
     * The context a run's connector opens with: the engine's, plus what is stored of the run's connection and what
     * earlier runs learned of its site.
     */
    private ConnectorContext contextOf(Attempt attempt) {
        long connectionId = attempt.run.connectionId();
        return context.with(StoredProductLinks.of(dataSource, connectionId))
                .with(ConnectionFacts.of(dataSource, connectionId, attempt.settings.apiUrl(), clock));
    }

    /** An engine over {@code store} that syncs the connections of {@code connections} with the given plugins. */
    public static Builder builder(CentralStore store, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context) {
        return new Builder(store, connections, registry, context);
    }

    /**
     * Runs one sync to its end and returns the closed run (SUCCEEDED, FAILED or STOPPED, with counts and error; or
     * WAITING, with the time to run it again, when the system is still preparing a read from the start). Failures of
     * the source or the store end the run as FAILED; they are not thrown.
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
        return execute(request, SyncRun.Kind.SYNC, listener);
    }

    /**
     * Runs one reconciliation pass of {@code request}'s (connection, entity) to its end, under the same lease as a
     * sync: lists the ids at the source, marks the stored records it did not list as deleted and revives those it
     * listed again; a listing that fails marks nothing deleted. Returns the closed run (kind RECONCILE, with the
     * ids listed as its read count and what it marked). {@code request.full()} is ignored.
     *
     * @throws InvalidInputException also when the connection's system cannot list the ids of the entity
     * @see #run for the rest, which is the same
     */
    public SyncRun reconcile(SyncRequest request) {
        return execute(request, SyncRun.Kind.RECONCILE, SyncListener.NONE);
    }

    private SyncRun execute(SyncRequest request, SyncRun.Kind kind, SyncListener listener) {
        StoredConnection connection = connections.find(request.connectionId());
        ConnectorProvider provider = runnableProvider(connection, request);
        if (kind == SyncRun.Kind.RECONCILE && !provider.listableEntities().contains(request.entity())) {
            throw new InvalidInputException("entity", provider.whyNotListable(request.entity()));
        }
        // credentials that cannot be opened (a master key that does not fit) are a configuration error of this
        // process, not a failure of the connection: thrown before any run is recorded or counted as failing
        ConnectionSettings settings = connections.settings(connection.id());
        SyncLease lease = leases.acquire(connection.id(), request.entity());
        SyncRun run;
        try {
            run = runs.start(connection.id(), request.entity(), kind, request.trigger(),
                    kind == SyncRun.Kind.SYNC && request.full(), leases.owner());
            leases.attach(lease, run.id());
        } catch (RuntimeException e) {
            leases.release(lease);
            throw e;
        }
        long started = System.nanoTime();
        Attempt attempt = new Attempt(run, request, lease, kind);
        AtomicBoolean lost = new AtomicBoolean();
        long period = Math.max(100, leases.duration().toMillis() / 3);
        ScheduledFuture<?> heartbeat = HEARTBEAT.scheduleAtFixedRate(() -> renew(lease, lost), period, period,
                TimeUnit.MILLISECONDS);
        running.put(run.id(), attempt);
        attempt.settings = settings;
        try {
            if (kind == SyncRun.Kind.RECONCILE) {
                try (Connector connector = provider.open(attempt.settings, contextOf(attempt))) {
                    reconcilePass(attempt, connector, lost);
                }
            } else {
                copyPages(attempt, provider, listener, lost);
            }
        } catch (ReadNotReadyException e) {
            if (attempt.pagesStored > 0) { // the SPI forbids it: pages are stored, the read cannot be put off
                attempt.error = "The connector said its read was not ready after it had returned pages (" + e.reason()
                        + "); the next run reads again from the committed cursor.";
            } else {
                attempt.notReady = e;
            }
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException | LeaseLostException e) {
            attempt.error = e.getMessage();
        } catch (RuntimeException e) {
            attempt.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.debug("sync of connection {} failed", connection.id(), e);
        } finally {
            heartbeat.cancel(false);
            running.remove(run.id());
            releaseQuietly(lease);
        }
        SyncRun closed;
        try {
            closed = close(attempt);
        } catch (StoreException e) {
            // the database itself went away: the run cannot even be recorded as failed (it stays RUNNING until the
            // next sync or 'runs' finds its process gone and closes it ABANDONED); every committed page stays
            throw new StoreException("The database stopped answering while " + request.entity().cliName()
                    + " of connection " + connection.id() + " were being synced (" + CentralStore.rootMessage(e)
                    + "); what was stored before is kept, and the next sync continues from there once the database "
                    + "answers again.", e);
        }
        if (attempt.listened) {
            listener.finished(closed);
        }
        String label = "connection " + connection.id() + " (" + connection.name() + ")";
        if (closed.outcome() == SyncRun.Outcome.SUCCEEDED) {
            failures.recordSuccess(connection.id(), label, closed.finishedAt());
        } else if (closed.outcome() == SyncRun.Outcome.FAILED) {
            failures.recordFailure(connection.id(), label, closed.errorMessage());
            forgetSiteFacts(connection.id());
        } // WAITING is neither: the connection is neither failing nor shown to have just synced
        long took = System.nanoTime() - started;
        RunLog.log(connection, closed, took);
        hook.runClosed(connection.systemId(), closed, Duration.ofNanos(took));
        return closed;
    }

    /** After a failed run: whatever went wrong (a shop moved, upgraded, changed its settings), read its site anew. */
    private void forgetSiteFacts(long connectionId) {
        try {
            ConnectionFacts.forget(dataSource, connectionId);
        } catch (StoreException e) {
            log.warn("{}", e.getMessage()); // the run is closed; a fact kept a day longer is re-read then
        }
    }

    /**
     * Refuses, as {@link #run} would and before anything is recorded, a sync of a connection that does not exist,
     * is disabled or whose system does not provide the entity; and any sync while the engine is stopping.
     */
    public void checkRunnable(SyncRequest request) {
        runnableProvider(connections.find(request.connectionId()), request);
    }

    /** As {@link #checkRunnable}, for {@link #reconcile}: also refuses an entity whose ids the system cannot list. */
    public void checkReconcilable(SyncRequest request) {
        ConnectorProvider provider = runnableProvider(connections.find(request.connectionId()), request);
        if (!provider.listableEntities().contains(request.entity())) {
            throw new InvalidInputException("entity", provider.whyNotListable(request.entity()));
        }
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

    /** Reads the stream page by page from the cursor minus the lookback, storing each page with its cursor. */
    private void copyPages(Attempt attempt, ConnectorProvider provider, SyncListener listener, AtomicBoolean lost) {
        SyncRequest request = attempt.request;
        long connectionId = request.connectionId();
        SyncCursor cursor = request.full() ? SyncCursor.START : cursors.load(connectionId, request.entity());
        SyncCursor from = cursor.minus(lookback);
        SyncRun pending = null;
        if (from.isStart()) {
            attempt.readBeganAt = attempt.run.startedAt();
            pending = runs.lastReadFromStart(connectionId, request.entity(), attempt.run.id())
                    .filter(last -> last.outcome() == SyncRun.Outcome.WAITING)
                    .filter(last -> last.finishedAt().plus(PENDING_AT_MOST).isAfter(clock.instant()))
                    .orElse(null);
            if (pending != null) {
                attempt.readBeganAt = pending.readBeganAt();
            }
        }
        String resumeWith = pending == null ? null : pending.resumeWith();
        boolean listable = provider.listableEntities().contains(request.entity());
        // a first full sync (nothing stored yet) has no stored record to find deleted: its listing of ids is skipped
        boolean lookForDeletes = request.full() && listable && reconciliation.holdsAny(connectionId, request.entity());
        listener.started(attempt.run, from);
        attempt.listened = true;
        try (Connector connector = provider.open(attempt.settings, contextOf(attempt));
                RecordStream stream = pending != null ? connector.continueRead(request.entity(), resumeWith)
                        : connector.read(request.entity(), from)) {
            try (PageReadAhead pages = new PageReadAhead(stream, "tributary-read-" + connectionId + "-"
                    + request.entity().cliName(), writeGroupRecords)) {
                storePages(attempt, provider, listener, lost, pages, cursor);
            } finally {
                attempt.notices.addAll(stream.notices()); // a fallback taken is worth saying even if the run failed
            }
            if (request.full() && !attempt.stopped) {
                if (lookForDeletes) {
                    try {
                        reconcilePass(attempt, connector, lost);
                    } catch (NotListableException e) { // this connection's credentials cannot see every record
                        attempt.notices.add("Deletes at the source were not looked for: " + e.getMessage());
                    }
                } else if (listable) {
                    attempt.reconciled = new Reconciliation.Result(0, 0); // nothing was stored to be gone
                } else {
                    attempt.notices.add("Deletes at the source were not looked for: "
                            + provider.whyNotListable(request.entity()));
                }
            }
        }
    }

    /**
     * Lists the ids at the source page by page, marking the stored records each page names, then — only once the
     * listing is complete and the engine is not stopping — sweeps: unmarked records are marked deleted, marked
     * ones that were deleted are revived. A failure or a stop before the sweep marks nothing deleted.
     */
    private void reconcilePass(Attempt attempt, Connector connector, AtomicBoolean lost) {
        SyncRequest request = attempt.request;
        long connectionId = request.connectionId();
        long listed = 0;
        try (IdListing listing = connector.listIds(request.entity())) {
            for (Optional<List<String>> page = listing.nextPage(); page.isPresent(); page = listing.nextPage()) {
                if (lost.get()) {
                    throw new LeaseLostException("This process lost the lease on reconciling "
                            + request.entity().cliName() + " of connection " + connectionId
                            + "; it stopped without marking anything deleted.");
                }
                reconciliation.mark(connectionId, request.entity(), attempt.run.id(), page.get(), leases,
                        attempt.lease);
                listed += page.get().size();
                if (attempt.kind == SyncRun.Kind.RECONCILE) {
                    attempt.totals = new PageCounts(listed, 0, 0, 0);
                }
                if (stopping.get()) {
                    attempt.stopped = true;
                    return;
                }
            }
        }
        attempt.reconciled = reconciliation.sweep(connectionId, request.entity(), attempt.run.id(), leases,
                attempt.lease);
    }

    /**
     * Stores the stream's pages, each write with the cursor after it, until the read ends or the engine stops; the
     * next pages are read while one write is stored, and a write takes the pages already read ({@link PageReadAhead}).
     */
    private void storePages(Attempt attempt, ConnectorProvider provider, SyncListener listener, AtomicBoolean lost,
            PageReadAhead pages, SyncCursor committed) {
        SyncRequest request = attempt.request;
        long connectionId = request.connectionId();
        SyncCursor cursor = committed;
        for (Optional<RecordPage> page = pages.nextWrite(); page.isPresent(); page = pages.nextWrite()) {
            if (lost.get()) {
                throw new LeaseLostException("This process lost the lease on syncing "
                        + request.entity().cliName() + " of connection " + connectionId
                        + "; it stopped without writing more.");
            }
            PageWrite write = new PageWrite(connectionId, request.entity(), attempt.run.id(), page.get(), cursor,
                    attempt.totals);
            PageCounts stored = writer.write(write, leases, attempt.lease);
            attempt.totals = attempt.totals.plus(stored);
            attempt.pagesStored++;
            hook.pageStored(provider.systemId(), request.entity(), stored);
            cursor = write.cursorAfter();
            listener.pageStored(attempt.totals, cursor, page.get().progress());
            if (stopping.get()) {
                attempt.stopped = true;
                return;
            }
        }
    }

    /** Gives the lease up; when the database cannot be reached it runs out by itself (or its session ends). */
    private void releaseQuietly(SyncLease lease) {
        try {
            leases.release(lease);
        } catch (StoreException e) {
            log.debug("releasing the lease of connection {} failed: {}", lease.connectionId(), e.getMessage());
        }
    }

    /**
     * Records how the attempt ended: WAITING when the read was not ready, STOPPED when the engine is stopping, else
     * SUCCEEDED or FAILED.
     */
    private SyncRun close(Attempt attempt) {
        String error = attempt.error;
        SyncRun.Outcome outcome;
        Instant retryAt = null;
        if (attempt.notReady != null) {
            outcome = SyncRun.Outcome.WAITING;
            Instant asked = clock.instant().plus(attempt.notReady.retryAfter());
            // up to the whole second: what the note says is what is stored, and never before the time asked
            retryAt = asked.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            retryAt = retryAt.isBefore(asked) ? retryAt.plusSeconds(1) : retryAt;
            attempt.notices.add(0, "Waiting: " + attempt.notReady.reason() + " Nothing was stored; the read looks "
                    + "again at " + retryAt + ".");
        } else if (attempt.stopped || (error != null && stopping.get())) {
            outcome = SyncRun.Outcome.STOPPED;
            error = "Stopped at a page boundary because Tributary is shutting down; the next run continues from the "
                    + "committed cursor." + (error == null ? "" : " (" + error + ")");
        } else {
            outcome = error == null ? SyncRun.Outcome.SUCCEEDED : SyncRun.Outcome.FAILED;
        }
        error = error == null ? null : RunLog.withoutSecrets(error, attempt.settings);
        List<String> notices = attempt.notices.stream().map(n -> RunLog.withoutSecrets(n, attempt.settings)).toList();
        String resumeWith = attempt.notReady == null ? null : attempt.notReady.resumeWith();
        return runs.finish(attempt.run.id(), outcome, attempt.totals, error, notices, retryAt, resumeWith,
                attempt.readBeganAt, attempt.reconciled);
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
        final SyncRun.Kind kind;
        ConnectionSettings settings;
        Reconciliation.Result reconciled;
        volatile PageCounts totals = PageCounts.ZERO;
        String error;
        boolean stopped;
        final List<String> notices = new ArrayList<>();
        boolean listened;
        int pagesStored;
        ReadNotReadyException notReady;
        Instant readBeganAt;

        Attempt(SyncRun run, SyncRequest request, SyncLease lease, SyncRun.Kind kind) {
            this.run = run;
            this.request = request;
            this.lease = lease;
            this.kind = kind;
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
        private int writeGroupRecords = PageReadAhead.GROUP_RECORDS;

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

        /**
         * The most records one transaction stores from pages already read ({@value PageReadAhead#GROUP_RECORDS} by
         * default; {@code 1}: each page in a transaction of its own, as tests of page boundaries want).
         */
        public Builder writeGroupRecords(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("writeGroupRecords must be at least 1, got " + records);
            }
            this.writeGroupRecords = records;
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
