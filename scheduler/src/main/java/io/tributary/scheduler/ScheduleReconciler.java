package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.store.ScheduleService;
import io.tributary.store.ScheduleView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Quartz's jobs and triggers follow the schedules in the store, at start and every few seconds after, so a
 * change made anywhere (the CLI in another process, another node) takes effect without a restart: one durable,
 * recoverable job per schedule; a trigger only while the schedule is active and its connection enabled (pausing
 * drops the trigger, so no catch-up firing follows re-enabling); the trigger replaced when the schedule changes;
 * jobs of removed connections deleted. Safe to run on every node at once.
 */
public final class ScheduleReconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);
    private final Scheduler quartz;
    private final ScheduleService schedules;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-schedule-reconciler");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduleReconciler(Scheduler quartz, ScheduleService schedules) {
        this.quartz = requireNonNull(quartz, "quartz is null");
        this.schedules = requireNonNull(schedules, "schedules is null");
    }

    /** Reconciles now, then every {@code interval}. */
    public void start(Duration interval) {
        reconcile();
        timer.scheduleWithFixedDelay(this::reconcileQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("applying schedule changes failed (will try again): {}", e.getMessage());
        }
    }

    /** One pass; returns how many jobs or triggers changed. */
    public synchronized int reconcile() {
        int changes = 0;
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (ScheduleView schedule : schedules.list(null)) {
                JobKey job = ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity());
                wanted.add(job);
                changes += ensureJob(job, schedule);
                changes += ensureTrigger(schedule);
            }
            for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleTriggers.GROUP))) {
                if (!wanted.contains(job)) {
                    quartz.deleteJob(job);
                    changes++;
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused a schedule change: " + e.getMessage(), e);
        }
        if (changes > 0) {
            log.debug("applied {} schedule changes", changes);
        }
        return changes;
    }

    private int ensureJob(JobKey job, ScheduleView schedule) throws SchedulerException {
        if (quartz.checkExists(job)) {
            return 0;
        }
        try {
            quartz.addJob(JobBuilder.newJob(SyncJob.class).withIdentity(job)
                    .usingJobData(SyncJob.CONNECTION, Long.toString(schedule.connectionId()))
                    .usingJobData(SyncJob.ENTITY, schedule.entity().name())
                    .storeDurably()
                    .requestRecovery()
                    .build(), false);
            return 1;
        } catch (ObjectAlreadyExistsException addedByAnotherNode) {
            return 0;
        }
    }

    private int ensureTrigger(ScheduleView schedule) throws SchedulerException {
        TriggerKey key = ScheduleTriggers.triggerKey(schedule.connectionId(), schedule.entity());
        Trigger existing = quartz.getTrigger(key);
        if (!schedule.firing()) {
            return existing != null && quartz.unscheduleJob(key) ? 1 : 0;
        }
        Trigger desired = ScheduleTriggers.trigger(schedule.connectionId(), schedule.entity(), schedule.spec(),
                Instant.now());
        if (existing == null) {
            try {
                quartz.scheduleJob(desired);
                return 1;
            } catch (ObjectAlreadyExistsException scheduledByAnotherNode) {
                return 0;
            }
        }
        String current = existing.getJobDataMap().getString("signature");
        if (desired.getJobDataMap().getString("signature").equals(current)) {
            return 0;
        }
        quartz.rescheduleJob(key, desired);
        return 1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
