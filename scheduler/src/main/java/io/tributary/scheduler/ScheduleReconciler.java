package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.schedule.ScheduleService;
import io.tributary.schedule.ScheduleView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
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
 * from what this reconciler last applied; every minute it also reads which jobs and triggers Quartz holds (two
 * queries) and puts right any that are missing or left over, which heals changes made to Quartz behind its back
 * (a trigger whose timing was edited there directly is not looked at again until its schedule changes).
 */
public final class ScheduleReconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);
    static final Duration FULL_PASS_EVERY = Duration.ofMinutes(1);
    static final int BATCH = 500;
    /** From how many schedules to look at a pass reads the existing triggers' signatures in one query. */
    static final int BULK_SIGNATURES_FROM = 50;
    private final Duration fullPassEvery;
    private final Scheduler quartz;
    /** What was last applied per job: the trigger's signature while firing, "" while paused. */
    private final java.util.Map<JobKey, String> applied = new java.util.HashMap<>();
    private Instant lastFullPass = Instant.MIN;
    private final ScheduleService schedules;
    /** Quartz's tables, to read the triggers' signatures in one query; null: asked of Quartz trigger by trigger. */
    private final DataSource quartzTables;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-schedule-reconciler");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduleReconciler(Scheduler quartz, ScheduleService schedules) {
        this(quartz, schedules, FULL_PASS_EVERY, null);
    }

    /**
     * A reconciler that reads the signatures of many existing triggers from Quartz's tables in {@code quartzTables}
     * (the store Quartz runs on) in one query rather than loading each trigger: a daemon's first pass with 20,000
     * triggers otherwise loads all of them one by one.
     */
    public ScheduleReconciler(Scheduler quartz, ScheduleService schedules, DataSource quartzTables) {
        this(quartz, schedules, FULL_PASS_EVERY, requireNonNull(quartzTables, "quartzTables is null"));
    }

    ScheduleReconciler(Scheduler quartz, ScheduleService schedules, Duration fullPassEvery) {
        this(quartz, schedules, fullPassEvery, null);
    }

    ScheduleReconciler(Scheduler quartz, ScheduleService schedules, Duration fullPassEvery, DataSource quartzTables) {
        this.quartzTables = quartzTables;
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
        int changes = 0;
        try {
            // a full pass also looks at what Quartz holds: a job or trigger missing (or a trigger left on a paused
            // schedule) is put right even when the store did not change
            Set<JobKey> jobs = full ? quartz.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleTriggers.GROUP)) : null;
            Set<TriggerKey> triggers = full
                    ? quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleTriggers.GROUP)) : null;
            Set<JobKey> wanted = new HashSet<>();
            java.util.List<ScheduleView> pending = new java.util.ArrayList<>();
            for (ScheduleView schedule : schedules.list(null)) {
                JobKey job = ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity(), schedule.kind());
                wanted.add(job);
                boolean drifted = full && (!jobs.contains(job) || schedule.firing() != triggers.contains(
                        ScheduleTriggers.triggerKey(schedule.connectionId(), schedule.entity(), schedule.kind())));
                if (drifted || !state(schedule).equals(applied.get(job))) {
                    pending.add(schedule);
                }
            }
            if (!pending.isEmpty()) {
                changes += apply(pending, jobs, triggers);
            }
            Set<JobKey> gone = new HashSet<>(full ? jobs : applied.keySet());
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

    /** What a schedule asks of Quartz: its trigger's signature while firing, "" while paused. */
    private static String state(ScheduleView schedule) {
        return schedule.firing() ? ScheduleTriggers.signature(schedule.spec()) : "";
    }

    /**
     * Brings the {@code pending} schedules' jobs and triggers in line. Which jobs and triggers exist is read in two
     * queries, not two per schedule: with 10,000 connections (40,000 schedules) a start spent half a minute asking.
     * Jobs that do not exist yet are stored with their triggers {@value #BATCH} to a transaction (Quartz's
     * {@code scheduleJobs}): one by one, a first start with 10,000 connections took three minutes.
     */
    private int apply(java.util.List<ScheduleView> pending, Set<JobKey> knownJobs, Set<TriggerKey> knownTriggers)
            throws SchedulerException {
        Set<JobKey> jobs = knownJobs != null ? knownJobs
                : quartz.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleTriggers.GROUP));
        Set<TriggerKey> triggers = knownTriggers != null ? knownTriggers
                : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleTriggers.GROUP));
        int changes = 0;
        java.util.Map<String, String> signatures = quartzTables != null && pending.size() >= BULK_SIGNATURES_FROM
                ? signatures() : java.util.Map.of();
        java.util.Map<JobDetail, Set<? extends Trigger>> created = new java.util.LinkedHashMap<>();
        java.util.List<ScheduleView> createdFor = new java.util.ArrayList<>();
        for (ScheduleView schedule : pending) {
            JobKey job = ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity(), schedule.kind());
            if (!jobs.contains(job)) {
                created.put(job(job, schedule), schedule.firing() ? Set.of(ScheduleTriggers.trigger(
                        schedule.connectionId(), schedule.entity(), schedule.kind(), schedule.spec(), Instant.now()))
                        : Set.of());
                createdFor.add(schedule);
                if (created.size() == BATCH) {
                    changes += store(created, createdFor);
                }
                continue;
            }
            TriggerKey key = ScheduleTriggers.triggerKey(schedule.connectionId(), schedule.entity(), schedule.kind());
            changes += ensureTrigger(schedule, triggers.contains(key), signatures.get(key.getName()));
            applied.put(job, state(schedule));
        }
        if (!created.isEmpty()) {
            changes += store(created, createdFor);
        }
        return changes;
    }

    /** Stores new jobs with their triggers in one transaction; one by one when another node stored some first. */
    private int store(java.util.Map<JobDetail, Set<? extends Trigger>> created, java.util.List<ScheduleView> createdFor)
            throws SchedulerException {
        int changes;
        try {
            quartz.scheduleJobs(created, false);
            changes = created.size() + (int) created.values().stream().filter(t -> !t.isEmpty()).count();
        } catch (ObjectAlreadyExistsException storedByAnotherNode) {
            changes = 0;
            for (ScheduleView schedule : createdFor) {
                changes += ensureJob(ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity(),
                        schedule.kind()), schedule);
                changes += ensureTrigger(schedule, quartz.checkExists(ScheduleTriggers.triggerKey(
                        schedule.connectionId(), schedule.entity(), schedule.kind())), null);
            }
        }
        for (ScheduleView schedule : createdFor) {
            applied.put(ScheduleTriggers.jobKey(schedule.connectionId(), schedule.entity(), schedule.kind()),
                    state(schedule));
        }
        created.clear();
        createdFor.clear();
        return changes;
    }

    private static JobDetail job(JobKey job, ScheduleView schedule) {
        return JobBuilder.newJob(SyncJob.class).withIdentity(job)
                .usingJobData(SyncJob.CONNECTION, Long.toString(schedule.connectionId()))
                .usingJobData(SyncJob.ENTITY, schedule.entity().name())
                .usingJobData(SyncJob.KIND, schedule.kind().name())
                .storeDurably()
                .requestRecovery()
                .build();
    }

    private int ensureJob(JobKey job, ScheduleView schedule) throws SchedulerException {
        if (quartz.checkExists(job)) {
            return 0;
        }
        try {
            quartz.addJob(job(job, schedule), false);
            return 1;
        } catch (ObjectAlreadyExistsException addedByAnotherNode) {
            return 0;
        }
    }

    /**
     * The signature of each trigger of the group, by trigger name, read from Quartz's table in one query (the job
     * data Quartz stores as properties, {@code useProperties}); empty when it cannot be read, and then each trigger
     * is asked of Quartz.
     */
    private java.util.Map<String, String> signatures() {
        java.util.Map<String, String> signatures = new java.util.HashMap<>();
        try (Connection connection = quartzTables.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT TRIGGER_NAME, JOB_DATA FROM "
                        + "QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_GROUP = ?")) {
            select.setString(1, TributaryScheduler.NAME);
            select.setString(2, ScheduleTriggers.GROUP);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] data = rows.getBytes(2);
                    if (data != null && data.length > 0) {
                        java.util.Properties properties = new java.util.Properties();
                        properties.load(new java.io.ByteArrayInputStream(data));
                        String signature = properties.getProperty("signature");
                        if (signature != null) {
                            signatures.put(rows.getString(1), signature);
                        }
                    }
                }
            }
            return signatures;
        } catch (SQLException | java.io.IOException | IllegalArgumentException e) {
            log.debug("reading the triggers' signatures in one query failed; asking Quartz one by one", e);
            return java.util.Map.of();
        }
    }

    /**
     * @param exists    whether the schedule's trigger exists (read with the others, or just now)
     * @param signature the existing trigger's signature when read with the others, else null (then it is loaded)
     */
    private int ensureTrigger(ScheduleView schedule, boolean exists, String signature) throws SchedulerException {
        TriggerKey key = ScheduleTriggers.triggerKey(schedule.connectionId(), schedule.entity(), schedule.kind());
        if (!schedule.firing()) {
            return exists && quartz.unscheduleJob(key) ? 1 : 0;
        }
        Trigger desired = ScheduleTriggers.trigger(schedule.connectionId(), schedule.entity(), schedule.kind(),
                schedule.spec(), Instant.now());
        if (exists && signature != null && signature.equals(desired.getJobDataMap().getString("signature"))) {
            return 0;
        }
        Trigger existing = exists ? quartz.getTrigger(key) : null;
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
