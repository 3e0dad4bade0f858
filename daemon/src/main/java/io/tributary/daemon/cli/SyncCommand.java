package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.SyncProgress;
import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.sync.EngineStoppingException;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", description = "Sync one entity of a connection now, with progress on stderr; after an "
        + "orders sync, the connection's routes post its orders as deliveries. A read the system is still preparing "
        + "(a Shopify bulk export) is waited for here and run again when the system asks, until it ends. Exit 0 when "
        + "the run (and every route) succeeded, 1 when one failed.")
final class SyncCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
    long id;

    @Option(names = "--entity", required = true, paramLabel = "products|orders|customers", converter = EntityConverter.class,
            description = "What to sync: products (variations included), orders or customers (where the system provides them).")
    EntityType entity;

    @Option(names = "--full", description = "Read everything, not only what changed since the last sync.")
    boolean full;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        SyncService.Result result = null;
        int interrupted;
        try (SyncInterrupts interrupts = SyncInterrupts.install(app().engine(), out())) {
            try {
                result = runOnce();
                // the process is in the foreground and holds no sync thread of a daemon: it waits here, between
                // runs (nothing open, the lease released), for as long as the system asked
                while (result.run().outcome() == SyncRun.Outcome.WAITING && interrupts.exitCode() == 0
                        && interrupts.waitUnlessInterrupted(Duration.between(result.run().finishedAt(),
                                result.run().retryAt()))) {
                    result = runOnce();
                }
            } catch (EngineStoppingException beforeStart) {
                if (result == null) {
                    throw new InterruptedBeforeStart(interrupts.exitCode());
                }
            }
            interrupted = interrupts.exitCode();
        }
        SyncRunRenderer renderer = new SyncRunRenderer();
        if (json.enabled()) {
            out().json(renderer.json(result));
        } else {
            out().line(renderer.summary(result.run()));
            renderer.detailLines(result, "").forEach(out()::line);
        }
        if (interrupted != 0) {
            return interrupted;
        }
        return result.succeeded() ? OK : FAILED;
    }

    private SyncService.Result runOnce() {
        return app().syncs().run(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL, full), new SyncProgress(out(),
                entity, Terminals.isTerminal(out().err()), Terminals.width(cli().environment())));
    }

    /** A signal came before the run was recorded: nothing to stop, nothing recorded. */
    static final class InterruptedBeforeStart extends RuntimeException
            implements picocli.CommandLine.IExitCodeGenerator {
        private final int exitCode;

        InterruptedBeforeStart(int exitCode) {
            super("Interrupted before the sync started; nothing was recorded.");
            this.exitCode = exitCode;
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
