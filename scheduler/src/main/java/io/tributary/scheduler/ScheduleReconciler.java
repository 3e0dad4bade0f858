package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.schedule.ScheduleService;
import io.tributary.schedule.ScheduleView;
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
 *
 * <p>Each pass reads the schedules (one query) but asks Quartz only about schedules whose wanted state differs
 * from what this reconciler last applied; every minute it checks everything again, which heals
 * changes made to Quartz behind its back.
 */
public final class ScheduleReconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);
    static final Duration FULL_PASS_EVERY = Duration.ofMinutes(1);
    private final Duration fullPassEvery;
    private final Scheduler quartz;
    /** What was last applied per job: the trigger's signature while firing, "" while paused. */
    private final java.util.Map<JobKey, String> applied = new java.util.HashMap<>();
    private Instant lastFullPass = Instant.MIN;
    private final ScheduleService schedules;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-schedule-reconciler");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduleReconciler(Scheduler quartz, ScheduleService schedules) {
        this(quartz, schedules, FULL_PASS_EVERY);
    }

    ScheduleReconciler(Scheduler quartz, ScheduleService schedules, Duration fullPassEvery) {
        this.fullPassEvery = requireNonNull(fullPassEvery, "fullPassEvery is null");
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
        Instant now = Instant.now();
        boolean full = !now.isBefore(lastFullPass.plus(fullPassEvery));
        if (full) {
            applied.clear();
        }
        int changes = 0;
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (ScheduleView schedule : schedules.list(null)) {
                JobKey job = ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity());
                wanted.add(job);
                String state = schedule.firing() ? ScheduleTriggers.signature(schedule.spec()) : "";
                if (!state.equals(applied.get(job))) {
                    changes += ensureJob(job, schedule);
                    changes += ensureTrigger(schedule);
                    applied.put(job, state);
                }
            }
            Set<JobKey> gone = new HashSet<>(full
                    ? quartz.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleTriggers.GROUP)) : applied.keySet());
            gone.removeAll(wanted);
            for (JobKey job : gone) {
                quartz.deleteJob(job);
                applied.remove(job);
                changes++;
            }
        } catch (SchedulerException e) {
            applied.clear(); // unsure what was applied: look at everything next time
            throw new IllegalStateException("Quartz refused a schedule change: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            applied.clear();
            throw e;
        }
        if (full) {
            lastFullPass = now;
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
