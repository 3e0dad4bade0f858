package io.tributary.core;

import io.tributary.apikey.ApiKey;
import io.tributary.connection.Store;
import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.schedule.SyncSchedule;
import io.tributary.store.StoreModule;
import java.util.List;

/**
 * connector-core's share of the central store: the tables of stores, connections, schedules, runs, cursors,
 * leases, records, routes and API keys. It lives above the domain packages because it names their entities; the store
 * plumbing ({@code io.tributary.store}) names none.
 */
public final class CoreModule {
    /** Migrations under {@code db/migration/core}; the entities Hibernate maps. */
    public static final StoreModule STORE = new StoreModule("core", "classpath:db/migration/core",
            List.of(Store.class, StoredConnection.class, SyncRun.class, SyncSchedule.class, ApiKey.class));

    private CoreModule() {}
}
