package io.tributary.scheduler;

import io.tributary.store.StoreModule;
import java.util.List;

/** The scheduler's share of the central store: Quartz's job store tables (migration V3, from the Quartz jar). */
public final class SchedulerModule {
    public static final StoreModule STORE = new StoreModule("scheduler", "classpath:db/migration/scheduler",
            List.of());

    private SchedulerModule() {}
}
