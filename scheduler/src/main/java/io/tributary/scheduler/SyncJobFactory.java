package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds {@link SyncJob}s with the sync service injected. */
final class SyncJobFactory implements JobFactory {
    private final ScheduledSyncs syncs;

    SyncJobFactory(ScheduledSyncs syncs) {
        this.syncs = requireNonNull(syncs, "syncs is null");
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type != SyncJob.class) {
            throw new SchedulerException("Tributary's scheduler runs only sync jobs, not " + type.getName());
        }
        return new SyncJob(syncs);
    }
}
