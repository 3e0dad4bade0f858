package io.tributary.daemon;

import io.tributary.scheduler.ScheduleTriggers;
import io.tributary.scheduler.ScheduledSyncs;
import io.tributary.scheduler.SchedulerOptions;
import io.tributary.scheduler.TributaryScheduler;
import io.tributary.spi.EntityType;
import java.time.Duration;
import java.util.Map;

/**
 * Test-only: a Quartz scheduler on the same store that is never started, used to make a daemon's job fire now
 * (Quartz's own {@code triggerJob}, which stores a one-off trigger the running daemons pick up).
 */
final class QuartzClient implements AutoCloseable {
    private final App app;
    private final TributaryScheduler scheduler;

    QuartzClient(Map<String, String> environment) {
        app = new App(DaemonConfig.from(environment, null), System.err);
        scheduler = TributaryScheduler.create(app.store(), new ScheduledSyncs(app.syncs(), Duration.ZERO),
                new SchedulerOptions("test-client", 1, Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    void fireNow(long connectionId, EntityType entity) throws Exception {
        scheduler.quartz().triggerJob(ScheduleTriggers.jobKey(connectionId, entity));
    }

    @Override
    public void close() {
        scheduler.shutdown(false);
        app.close();
    }
}
