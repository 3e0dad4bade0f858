package io.tributary.daemon.cli;

import io.tributary.route.RouteRun;
import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", description = "Sync one entity of a connection now, with progress on stderr; after an "
        + "orders sync, the connection's routes post its orders as deliveries. Exit 0 when the run (and every route) "
        + "succeeded, 1 when one failed.")
final class SyncCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
    long id;

    @Option(names = "--entity", required = true, paramLabel = "products|orders", converter = EntityConverter.class)
    EntityType entity;

    @Option(names = "--full", description = "Read everything, not only what changed since the last sync.")
    boolean full;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SyncService.Result result = app().syncs().run(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL, full),
                new Progress(out(), entity));
        SyncRun run = result.run();
        List<RouteRun> routed = result.routes();
        if (json) {
            java.util.Map<String, Object> document = JsonViews.run(run);
            document.put("routes", RouteViews.runs(routed));
            out().json(document);
        } else {
            out().line(summary(run));
            routed.forEach(r -> RouteViews.lines(r).forEach(out()::line));
        }
        return result.succeeded() ? OK : FAILED;
    }

    static String summary(SyncRun run) {
        String counts = run.readCount() + " read, " + run.insertedCount() + " new, " + run.updatedCount() + " changed, "
                + run.unchangedCount() + " unchanged";
        long millis = run.finishedAt() == null ? 0
                : java.time.Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        String head = "Run " + run.id() + ": " + run.entity().cliName() + " of connection " + run.connectionId() + " "
                + run.outcome() + " in " + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0) + " ("
                + counts + ")";
        return run.errorMessage() == null ? head + "." : head + ": " + run.errorMessage();
    }

    /** Progress on stderr: at most about one line a second, and always the first page. */
    static final class Progress implements SyncListener {
        private final Output out;
        private final EntityType entity;
        private long lastPrinted;

        Progress(Output out, EntityType entity) {
            this.out = out;
            this.entity = entity;
        }

        @Override
        public void started(SyncRun run, SyncCursor from) {
            out.note("Syncing " + entity.cliName() + " of connection " + run.connectionId() + " (run " + run.id()
                    + ") " + (from.isStart() ? "from the beginning" : "changed since " + from.modifiedAt()) + "...");
        }

        @Override
        public void pageStored(PageCounts totals, SyncCursor cursor) {
            long now = System.nanoTime();
            if (lastPrinted == 0 || now - lastPrinted > 1_000_000_000L) {
                lastPrinted = now;
                out.note("  " + totals.read() + " read: " + totals.inserted() + " new, " + totals.updated()
                        + " changed, " + totals.unchanged() + " unchanged");
            }
        }
    }
}
