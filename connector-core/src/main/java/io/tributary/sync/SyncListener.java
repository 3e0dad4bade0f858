package io.tributary.sync;

import io.tributary.spi.SyncCursor;
import io.tributary.store.PageCounts;
import io.tributary.store.SyncRun;

/** Hears about a sync's progress, on the thread running it; the CLI prints progress from it. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /** The run is recorded and reading starts from {@code from}. */
    default void started(SyncRun run, SyncCursor from) {}

    /** A page was stored; {@code totals} are the run's counts so far. */
    default void pageStored(PageCounts totals, SyncCursor cursor) {}
}
