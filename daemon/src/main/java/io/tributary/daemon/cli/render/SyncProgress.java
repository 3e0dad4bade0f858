package io.tributary.daemon.cli.render;

import static java.util.Objects.requireNonNull;

import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.SyncCursor;
import io.tributary.sync.SyncListener;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A sync's progress on stderr: where it starts, then how far it has come. When the system tells how much the read
 * covers and stderr is a terminal, a progress bar (percentage, done of total, elapsed and time left, rate) redrawn
 * in place;
 * otherwise plain lines, at most about one a second and always the first page, with the percentage, rate and time
 * left when there is a total. Percentages count what the system's lists count (a WooCommerce product with its
 * variations once); "read" counts the records stored, variations included.
 */
public final class SyncProgress implements SyncListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private final Output out;
    private final EntityType entity;
    private final boolean terminal;
    private final int width;
    private final LongSupplier nanoTime;
    private long startedAt;
    private long lastPrinted;
    private ProgressBar bar;

    /**
     * @param terminal whether stderr is a terminal (then a bar is drawn when there is a total)
     * @param width    the terminal's width in columns, for the bar
     */
    public SyncProgress(Output out, EntityType entity, boolean terminal, int width) {
        this(out, entity, terminal, width, System::nanoTime);
    }

    SyncProgress(Output out, EntityType entity, boolean terminal, int width, LongSupplier nanoTime) {
        this.out = requireNonNull(out, "out is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.terminal = terminal;
        this.width = width;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    @Override
    public void started(SyncRun run, SyncCursor from) {
        startedAt = nanoTime.getAsLong();
        out.note("Syncing " + entity.cliName() + " of connection " + run.connectionId() + " (run " + run.id() + ") "
                + (from.isStart() ? "from the beginning" : "changed since " + from.modifiedAt()) + "...");
    }

    @Override
    public void pageStored(PageCounts totals, SyncCursor cursor, Optional<ReadProgress> progress) {
        if (terminal && progress.isPresent()) {
            draw(progress.get());
            return;
        }
        long now = nanoTime.getAsLong();
        if (lastPrinted == 0 || now - lastPrinted > QUIET_NANOS) {
            lastPrinted = now;
            out.note("  " + progress.map(p -> line(p, now - startedAt) + "; ").orElse("") + counts(totals));
        }
    }

    @Override
    public void finished(SyncRun run) {
        if (bar != null) {
            bar.close(); // draws it at its last state and ends its line, before the run's log line
            bar = null;
        }
        if (run.outcome() == SyncRun.Outcome.WAITING) {
            out.note("  " + (run.notes().isEmpty() ? "Waiting for the system" : run.notes().get(0)));
        }
    }

    private void draw(ReadProgress progress) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(entity.cliName()).setInitialMax(progress.total())
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).showSpeed(new DecimalFormat("#"))
                    .setUpdateIntervalMillis(250)
                    // a console consumer of a given width never opens a JLine terminal, which would take over
                    // the INT signal that stops a sync at a page boundary
                    .setConsumer(new ConsoleProgressBarConsumer(out.err(), Math.max(40, width - 1))).build();
        }
        bar.maxHint(progress.total());
        bar.stepTo(progress.done()); // the counts of new and changed records follow in the run's summary
        // every stored page is drawn at once (one print of one line), not only when the bar's own quarter-second
        // timer comes round: a fast sync would otherwise jump from 0% to 100% with nothing between
        bar.refresh();
    }

    /** {@code 45% (1432 of 3167), 250/s, about 6 s left} — rate and time left once some time has passed. */
    static String line(ReadProgress progress, long elapsedNanos) {
        StringBuilder line = new StringBuilder();
        line.append((int) Math.floor(progress.fraction() * 100)).append("% (").append(progress.done()).append(" of ")
                .append(progress.total()).append(')');
        double seconds = elapsedNanos / 1e9;
        if (seconds >= 0.001 && progress.done() > 0) {
            double rate = progress.done() / seconds;
            line.append(", ").append(Math.round(rate)).append("/s");
            if (progress.done() < progress.total()) {
                long left = Math.round((progress.total() - progress.done()) / rate);
                line.append(", about ").append(duration(Duration.ofSeconds(left))).append(" left");
            }
        }
        return line.toString();
    }

    private static String counts(PageCounts totals) {
        return totals.read() + " read: " + totals.inserted() + " new, " + totals.updated() + " changed, "
                + totals.unchanged() + " unchanged";
    }

    private static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
