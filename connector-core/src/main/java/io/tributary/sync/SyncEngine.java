package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.ConnectorRegistry;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.store.ConnectionService;
import io.tributary.store.InvalidInputException;
import io.tributary.store.PageCounts;
import io.tributary.store.RecordWriter;
import io.tributary.store.StoredConnection;
import io.tributary.store.SyncCursors;
import io.tributary.store.SyncRun;
import io.tributary.store.SyncRuns;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connector stream into the store: loads the connection and its cursor, reads pages from the cursor
 * minus the lookback, stores each page and moves the cursor in one transaction, and records the run from start
 * to outcome. Logs one line per run. Safe to call from several threads for different (connection, entity).
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final SyncRuns runs;
    private final SyncCursors cursors;
    private final RecordWriter writer;
    private final Duration lookback;

    public SyncEngine(ConnectionService connections, ConnectorRegistry registry, ConnectorContext context,
            SyncRuns runs, SyncCursors cursors, RecordWriter writer, Duration lookback) {
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
        SyncRun run = runs.start(connection.id(), request.entity(), request.trigger(), request.full());
        long started = System.nanoTime();
        PageCounts totals = PageCounts.ZERO;
        ConnectionSettings settings = null;
        String error = null;
        try {
            settings = connections.settings(connection.id());
            SyncCursor cursor = request.full() ? SyncCursor.START : cursors.load(connection.id(), request.entity());
            SyncCursor from = cursor.minus(lookback);
            listener.started(run, from);
            try (Connector connector = provider.open(settings, context);
                    RecordStream stream = connector.read(request.entity(), from)) {
                for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                    cursor = cursor.max(page.get().cursorAfter());
                    PageCounts counts = writer.write(connection.id(), request.entity(), page.get(), cursor, run.id(),
                            totals);
                    totals = totals.plus(counts);
                    listener.pageStored(totals, cursor);
                }
            }
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.debug("sync of connection {} failed", connection.id(), e);
        }
        error = error == null ? null : withoutSecrets(error, settings);
        SyncRun closed = runs.finish(run.id(), error == null ? SyncRun.Outcome.SUCCEEDED : SyncRun.Outcome.FAILED,
                totals, error);
        logRun(connection, closed, System.nanoTime() - started);
        return closed;
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
        } else {
            log.warn("{}: {}", line, run.errorMessage());
        }
    }
}
