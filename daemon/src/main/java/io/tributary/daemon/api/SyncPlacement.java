package io.tributary.daemon.api;

import io.tributary.run.SyncRun;
import io.tributary.sync.SyncRequest;

/** Where "sync now" runs: on this node ({@link SyncStarter}) or where the cluster's scheduler places it. */
interface SyncPlacement extends AutoCloseable {
    /** The run just opened, or the exception that kept the sync from starting. */
    SyncRun start(SyncRequest request) throws InterruptedException;

    @Override
    void close();
}
