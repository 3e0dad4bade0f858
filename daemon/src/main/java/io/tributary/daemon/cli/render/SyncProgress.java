package io.tributary.daemon.cli.render;

import static java.util.Objects.requireNonNull;

import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.sync.SyncListener;
import java.util.function.DoubleSupplier;

/**
 * A sync's progress on stderr: where it starts, then at most about one line a second, and always the first page;
 * with the connection's request rate when it is known.
 */
public final class SyncProgress implements SyncListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private final Output out;
    private final EntityType entity;
    private final DoubleSupplier requestRate;
    private long lastPrinted;

    public SyncProgress(Output out, EntityType entity) {
        this(out, entity, () -> 0);
    }

    /** Progress that also shows {@code requestRate}, the requests per second the connection may send now (0: none). */
    public SyncProgress(Output out, EntityType entity, DoubleSupplier requestRate) {
        this.out = requireNonNull(out, "out is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.requestRate = requireNonNull(requestRate, "requestRate is null");
    }

    @Override
    public void started(SyncRun run, SyncCursor from) {
        out.note("Syncing " + entity.cliName() + " of connection " + run.connectionId() + " (run " + run.id() + ") "
                + (from.isStart() ? "from the beginning" : "changed since " + from.modifiedAt()) + "...");
    }

    @Override
    public void pageStored(PageCounts totals, SyncCursor cursor) {
        long now = System.nanoTime();
        if (lastPrinted == 0 || now - lastPrinted > QUIET_NANOS) {
            lastPrinted = now;
            double rate = requestRate.getAsDouble();
            out.note("  " + totals.read() + " read: " + totals.inserted() + " new, " + totals.updated() + " changed, "
                    + totals.unchanged() + " unchanged" + (rate > 0 ? " (up to " + Math.round(rate) + " requests/s)" : ""));
        }
    }
}
