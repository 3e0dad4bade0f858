package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * "Sync now" through the cluster's scheduler: a one-off firing of the (connection, entity) job, which whichever node
 * of the cluster acquires it first runs — the node that took the request need not be the one that syncs, and the
 * job's {@code @DisallowConcurrentExecution} and the sync lease keep it from running twice at once.
 */
public final class SyncNow {
    private final Scheduler quartz;

    public SyncNow(Scheduler quartz) {
        this.quartz = requireNonNull(quartz, "quartz is null");
    }

    /**
     * Hands a MANUAL sync to the scheduler; false when the (connection, entity) has no job yet (a connection added
     * a moment ago, before the reconciler's next pass), so the caller runs it itself.
     */
    public boolean request(long connectionId, EntityType entity, boolean full) {
        JobKey job = ScheduleTriggers.jobKey(connectionId, entity);
        try {
            if (!quartz.checkExists(job)) {
                return false;
            }
            JobDataMap data = new JobDataMap();
            data.put(SyncJob.MANUAL, "true");
            data.put(SyncJob.FULL, Boolean.toString(full));
            quartz.triggerJob(job, data);
            return true;
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler refused the sync of " + entity.cliName() + " of connection "
                    + connectionId + ": " + e.getMessage(), e);
        }
    }
}
