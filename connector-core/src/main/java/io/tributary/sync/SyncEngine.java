package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.FailureTracker;
import io.tributary.connection.StoredConnection;
import io.tributary.run.LeaseLostException;
import io.tributary.run.PageCounts;
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
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.store.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 * running syncs stop at their next page boundary.
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
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** An engine for one process with default leases (60 s) and failing threshold (3). */
    public SyncEngine(ConnectionService connections, ConnectorRegistry registry, ConnectorContext context,
            SyncRuns runs, SyncCursors cursors, RecordWriter writer, Duration lookback) {
        this(connections, registry, context, runs, cursors, writer, lookback,
                new SyncLeases(runs.store().dataSource(), Clock.systemUTC(), Duration.ofSeconds(60), ProcessName.of("local")),
                new FailureTracker(runs.store().dataSource(), 3));
    }

    public SyncEngine(ConnectionService connections, ConnectorRegistry registry, ConnectorContext context,
            SyncRuns runs, SyncCursors cursors, RecordWriter writer, Duration lookback, SyncLeases leases,
            FailureTracker failures) {
        this.leases = requireNonNull(leases, "leases is null");
        this.failures = requireNonNull(failures, "failures is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.runs = requireNonNull(runs, "runs is null");
        this.cursors = requireNonNull(cursors, "cursors is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.lookback = requireNonNull(lookback, "lookback is null");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback cannot be negative");
        }
    }

    /**
     * Runs one sync to its end and returns the closed run (SUCCEEDED or FAILED, with counts and error).
     * Failures of the source or the store end the run as FAILED; they are not thrown.
     *
     * @throws io.tributary.store.NotFoundException when the connection does not exist
     * @throws InvalidInputException                when the connection is disabled or its system does not
     *                                              provide the entity (no run is recorded then)
     * @throws io.tributary.run.SyncInProgressException when another process is syncing the same (connection,
     *                                              entity) (no run is recorded then)
     */
    public SyncRun run(SyncRequest request, SyncListener listener) {
        StoredConnection connection = connections.find(request.connectionId());
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
            throw new IllegalStateException("Tributary is stopping; no new sync starts.");
        }
        SyncLease lease = leases.acquire(connection.id(), request.entity());
        SyncRun run;
        try {
            run = runs.start(connection.id(), request.entity(), request.trigger(), request.full(), leases.owner());
            leases.attach(lease, run.id());
        } catch (RuntimeException e) {
            leases.release(lease);
            throw e;
        }
        AtomicBoolean lost = new AtomicBoolean();
        long period = Math.max(100, leases.duration().toMillis() / 3);
        ScheduledFuture<?> heartbeat = HEARTBEAT.scheduleAtFixedRate(() -> renew(lease, lost), period, period,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        PageCounts totals = PageCounts.ZERO;
        ConnectionSettings settings = null;
        String error = null;
        boolean stopped = false;
        try {
            settings = connections.settings(connection.id());
            SyncCursor cursor = request.full() ? SyncCursor.START : cursors.load(connection.id(), request.entity());
            SyncCursor from = cursor.minus(lookback);
            listener.started(run, from);
            try (Connector connector = provider.open(settings, context);
                    RecordStream stream = connector.read(request.entity(), from)) {
                for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                    if (lost.get()) {
                        throw new LeaseLostException("This process lost the lease on syncing "
                                + request.entity().cliName() + " of connection " + connection.id()
                                + "; it stopped without writing more.");
                    }
                    cursor = cursor.max(page.get().cursorAfter());
                    PageCounts counts = writer.write(connection.id(), request.entity(), page.get(), cursor, run.id(),
                            totals, leases, lease);
                    totals = totals.plus(counts);
                    listener.pageStored(totals, cursor);
                    if (stopping.get()) {
                        stopped = true;
                        break;
                    }
                }
            }
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException | LeaseLostException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.debug("sync of connection {} failed", connection.id(), e);
        } finally {
            heartbeat.cancel(false);
            leases.release(lease);
        }
        SyncRun.Outcome outcome;
        if (stopped || (error != null && stopping.get())) {
            outcome = SyncRun.Outcome.STOPPED;
            error = "Stopped at a page boundary because Tributary is shutting down; the next run continues from the "
                    + "committed cursor." + (error == null ? "" : " (" + error + ")");
        } else {
            outcome = error == null ? SyncRun.Outcome.SUCCEEDED : SyncRun.Outcome.FAILED;
        }
        error = error == null ? null : withoutSecrets(error, settings);
        SyncRun closed = runs.finish(run.id(), outcome, totals, error);
        String label = "connection " + connection.id() + " (" + connection.name() + ")";
        if (closed.outcome() == SyncRun.Outcome.SUCCEEDED) {
            failures.recordSuccess(connection.id(), label);
        } else if (closed.outcome() == SyncRun.Outcome.FAILED) {
            failures.recordFailure(connection.id(), label, closed.errorMessage());
        }
        logRun(connection, closed, System.nanoTime() - started);
        return closed;
    }

    /** Makes running syncs stop at their next page boundary (cursor committed) and refuses new ones. */
    public void requestStop() {
        stopping.set(true);
    }

    public boolean stopping() {
        return stopping.get();
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

    private static String withoutSecrets(String message, ConnectionSettings settings) {
        if (settings == null) {
            return message;
        }
        String clean = message;
        for (Secret secret : settings.secrets().values()) {
            if (secret.occursIn(clean)) {
                clean = clean.replace(secret.reveal(), Secret.mask());
            }
        }
        return clean;
    }

    private static void logRun(StoredConnection connection, SyncRun run, long nanos) {
        String line = String.format("sync connection %d (%s) %s %s %s: read=%d inserted=%d updated=%d unchanged=%d "
                        + "in %.2f s", connection.id(), connection.name(), run.entity().cliName(),
                run.trigger().name().toLowerCase(java.util.Locale.ROOT), run.outcome(), run.readCount(),
                run.insertedCount(), run.updatedCount(), run.unchangedCount(), nanos / 1e9);
        if (run.outcome() == SyncRun.Outcome.SUCCEEDED) {
            log.info(line);
        } else if (run.outcome() == SyncRun.Outcome.STOPPED) {
            log.info(line);
        } else {
            log.warn("{}: {}", line, run.errorMessage());
        }
    }
}
