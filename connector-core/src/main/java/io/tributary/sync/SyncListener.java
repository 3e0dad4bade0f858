package io.tributary.sync;

import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.SyncCursor;

/** Hears about a sync's progress, on the thread running it; the CLI prints progress from it. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /** The run is recorded and reading starts from {@code from}. */
    default void started(SyncRun run, SyncCursor from) {}

    /** A page was stored; {@code totals} are the run's counts so far. */
    default void pageStored(PageCounts totals, SyncCursor cursor) {}
}
