package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * The daemon's Quartz scheduler: {@code JobStoreTX} with {@code StdJDBCDelegate} on the central store's own
 * pool, so jobs and triggers survive restarts. On MariaDB it runs clustered (every node with the same store shares
 * the triggers, each firing runs once, and the jobs of a node that dies are recovered elsewhere); the embedded H2
 * store runs one node.
 */
public final class TributaryScheduler implements AutoCloseable {
    static final String NAME = "tributary";
    private final Scheduler quartz;
    private final boolean clustered;

    private TributaryScheduler(Scheduler quartz, boolean clustered) {
        this.quartz = quartz;
        this.clustered = clustered;
    }

    /** Builds the scheduler (not started). */
    public static TributaryScheduler create(CentralStore store, ScheduledSyncs syncs, SchedulerOptions options) {
        return create(store, syncs, options, FiringHook.NONE);
    }

    /** Builds the scheduler (not started), telling {@code firings} how late each job fires. */
    public static TributaryScheduler create(CentralStore store, ScheduledSyncs syncs, SchedulerOptions options,
            FiringHook firings) {
        requireNonNull(syncs, "syncs is null");
        boolean clustered = store.vendor() == StoreConfig.Vendor.MARIADB;
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties(store, options, clustered)).getScheduler();
            scheduler.setJobFactory(new SyncJobFactory(syncs));
            scheduler.getListenerManager().addJobListener(new FireLagListener(firings));
            return new TributaryScheduler(scheduler, clustered);
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler could not be created: " + e.getMessage(), e);
        }
    }

    /** The Quartz properties the daemon runs with on {@code store} (also the bench's floor under its firing delays). */
    public static Properties properties(CentralStore store, SchedulerOptions options, boolean clustered) {
        String dataSource = "store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource,
                new StoreConnectionProvider(store.dataSource()));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", options.nodeId() == null ? "AUTO" : options.nodeId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(options.threads()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "tributary-sync");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // many triggers due at once (a whole minute of them) are acquired and fired up to one per free thread in a
        // transaction, not one per transaction; none fires before its time (no fire-ahead window)
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(options.threads()));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(options.checkinInterval().toMillis()));
        return p;
    }

    public Scheduler quartz() {
        return quartz;
    }

    public boolean clustered() {
        return clustered;
    }

    public String nodeId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    public void start() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler could not start: " + e.getMessage(), e);
        }
    }

    public boolean started() {
        try {
            return quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing triggers on this node; running jobs go on. */
    public void standby() {
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler could not pause: " + e.getMessage(), e);
        }
    }

    /** Shuts down, waiting for running jobs when {@code waitForJobs}. */
    public void shutdown(boolean waitForJobs) {
        try {
            if (!quartz.isShutdown()) {
                quartz.shutdown(waitForJobs);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler could not shut down: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        shutdown(false);
    }
}
