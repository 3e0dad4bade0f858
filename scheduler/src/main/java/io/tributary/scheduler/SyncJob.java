package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one (connection, entity, kind): a thin adapter to {@link ScheduledSyncs} (a sync, or a
 * reconciliation pass). Never runs twice at once for one job, anywhere in the cluster (Quartz blocks its other
 * triggers in the database). A run that ends WAITING
 * (the system is still preparing a read from the start, such as a Shopify bulk export) has given its thread back: the
 * job places a one-off firing of itself at the run's {@link SyncRun#retryAt()}, with the same MANUAL and FULL data, so
 * no thread waits for the system meanwhile and the next run continues the same read.
 */
@DisallowConcurrentExecution
public final class SyncJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(SyncJob.class);
    static final String CONNECTION = "connectionId";
    static final String ENTITY = "entity";
    /** Set on the firing of a "sync now" ({@link SyncNow}): the run is MANUAL, and a full read when asked. */
    static final String MANUAL = "manual";
    static final String FULL = "full";
    /** The schedule's kind ({@code ScheduleKind}); absent on jobs made before there were kinds: SYNC. */
    static final String KIND = "kind";

    private final ScheduledSyncs syncs;

    SyncJob(ScheduledSyncs syncs) {
        this.syncs = requireNonNull(syncs, "syncs is null");
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        long connectionId = Long.parseLong(data.getString(CONNECTION));
        EntityType entity = EntityType.valueOf(data.getString(ENTITY));
        if ("RECONCILE".equals(data.getString(KIND))) {
            syncs.reconcile(connectionId, entity, context.isRecovering());
            return;
        }
        boolean manual = "true".equals(data.getString(MANUAL));
        boolean full = "true".equals(data.getString(FULL));
        SyncRun run = syncs.run(connectionId, entity, context.isRecovering(), manual, full);
        if (run != null && run.outcome() == SyncRun.Outcome.WAITING && run.retryAt() != null) {
            // the run's times are on the engine's clock; the firing is placed on this node's, after the same delay
            Duration delay = Duration.between(run.finishedAt(), run.retryAt());
            placeRetry(context.getScheduler(), connectionId, entity, manual, full,
                    Instant.now().plus(delay.isNegative() ? Duration.ZERO : delay));
        }
    }

    /** The key of the one-off firing that continues a WAITING read of (connection, entity). */
    static TriggerKey retryKey(long connectionId, EntityType entity) {
        return TriggerKey.triggerKey("retry-" + connectionId + "-" + entity.cliName(), ScheduleTriggers.GROUP);
    }

    /**
     * Places (or moves) the one-off firing of the (connection, entity) job at {@code at}. A scheduler that refuses
     * is logged, not thrown: the read stays pending, and the next scheduled firing continues it.
     */
    static void placeRetry(Scheduler quartz, long connectionId, EntityType entity, boolean manual, boolean full,
            Instant at) {
        TriggerKey key = retryKey(connectionId, entity);
        Trigger retry = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(ScheduleTriggers.jobKey(connectionId, entity))
                .usingJobData(MANUAL, Boolean.toString(manual))
                .usingJobData(FULL, Boolean.toString(full))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (quartz.checkExists(key)) {
                quartz.rescheduleJob(key, retry);
            } else {
                quartz.scheduleJob(retry);
            }
            log.debug("sync of {} for connection {} fires again at {}", entity.cliName(), connectionId, at);
        } catch (SchedulerException e) {
            log.warn("sync of {} for connection {} waits for its system, but the scheduler refused to fire it again at "
                    + "{}: {}; the next scheduled firing continues the read.", entity.cliName(), connectionId, at,
                    e.getMessage());
        }
    }
}
