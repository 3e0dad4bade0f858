package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one (connection, entity): a thin adapter to {@link ScheduledSyncs}. Never runs twice at once
 * for one job, anywhere in the cluster (Quartz blocks its other triggers in the database).
 */
@DisallowConcurrentExecution
public final class SyncJob implements Job {
    static final String CONNECTION = "connectionId";
    static final String ENTITY = "entity";
    /** Set on the firing of a "sync now" ({@link SyncNow}): the run is MANUAL, and a full read when asked. */
    static final String MANUAL = "manual";
    static final String FULL = "full";

    private final ScheduledSyncs syncs;

    SyncJob(ScheduledSyncs syncs) {
        this.syncs = requireNonNull(syncs, "syncs is null");
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        syncs.run(Long.parseLong(data.getString(CONNECTION)), EntityType.valueOf(data.getString(ENTITY)),
                context.isRecovering(), "true".equals(data.getString(MANUAL)), "true".equals(data.getString(FULL)));
    }
}
