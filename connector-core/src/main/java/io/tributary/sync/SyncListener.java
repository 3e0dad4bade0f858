package io.tributary.sync;

import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.SyncCursor;
import java.util.Optional;

/** Hears about a sync's progress, on the thread running it; the CLI prints progress from it. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /** The run is recorded and reading starts from {@code from}. */
    default void started(SyncRun run, SyncCursor from) {}

    /**
     * A write was stored (a page, or the pages read meanwhile, in one transaction); {@code totals} are the run's
     * counts so far, {@code progress} how far the read has come in the system's own units when the system says how
     * much it covers (see {@link ReadProgress}).
     */
    default void pageStored(PageCounts totals, SyncCursor cursor, Optional<ReadProgress> progress) {}

    /** The run is closed (before its log line); called once for every run {@link #started} was called for. */
    default void finished(SyncRun run) {}
}
