package io.tributary.sync;

import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import java.time.Duration;

/**
 * Hears about every run of an engine, on the thread running it: the daemon counts runs and records (metrics). Where
 * {@link SyncListener} follows one run for whoever started it, a hook is given to the engine once and hears them all.
 * It is told the system, never the connection's URL or credentials.
 */
public interface SyncRunHook {
    SyncRunHook NONE = new SyncRunHook() {};

    /** A write was stored (a page, or the pages read meanwhile): {@code page} holds its counts alone. */
    default void pageStored(String system, EntityType entity, PageCounts page) {}

    /** A run ended SUCCEEDED, FAILED, STOPPED or WAITING after {@code took}; its counts are the whole run's. */
    default void runClosed(String system, SyncRun run, Duration took) {}
}
