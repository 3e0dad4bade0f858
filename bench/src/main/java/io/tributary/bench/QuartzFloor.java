package io.tributary.bench;

import io.tributary.scheduler.SchedulerOptions;
import io.tributary.scheduler.TributaryScheduler;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The floor under the scheduler's firing delays: Quartz alone, with the daemon's own properties
 * ({@link TributaryScheduler#properties}: the JDBC job store in the same database, clustered on MariaDB, the
 * default sync threads, batch acquisition), firing D jobs due at the same instant that only note how late they
 * began. A scheduled sync cannot begin before its job does, so this is the least its delay can be on this machine;
 * the rest of the daemon's delay is the syncs ahead of it in the queue. Runs under a scheduler name of its own, so
 * the daemon's triggers in the same tables are not touched.
 */
final class QuartzFloor {
    private static final Queue<Long> LATE_MILLIS = new ConcurrentLinkedQueue<>();

    private QuartzFloor() {}

    /** The job: notes how late it began after its scheduled time. */
    public static final class NoteStart implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            LATE_MILLIS.add(System.currentTimeMillis() - context.getScheduledFireTime().getTime());
        }
    }

    /** Fires {@code due} no-op jobs due at the same instant; their delays' p50, p99 and max in seconds. */
    static Map<String, Object> measure(CentralStore store, int due) throws Exception {
        LATE_MILLIS.clear();
        Properties properties = TributaryScheduler.properties(store, SchedulerOptions.defaults(),
                store.vendor() == StoreConfig.Vendor.MARIADB);
        properties.setProperty("org.quartz.scheduler.instanceName", "tributary-bench-floor");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "bench-floor");
        Scheduler quartz = new StdSchedulerFactory(properties).getScheduler();
        try {
            // far enough ahead that storing the jobs (one transaction) ends before they fall due
            Instant at = Instant.now().plus(Duration.ofSeconds(5)).plusMillis(10L * due);
            Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
            for (int i = 0; i < due; i++) {
                JobDetail job = JobBuilder.newJob(NoteStart.class).withIdentity("floor-" + i, "bench-floor").build();
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity("floor-" + i, "bench-floor")
                        .startAt(Date.from(at)).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withMisfireHandlingInstructionFireNow()).build();
                jobs.put(job, Set.of(trigger));
            }
            quartz.scheduleJobs(jobs, true);
            if (Instant.now().isAfter(at)) {
                throw new IllegalStateException("storing " + due + " jobs took past their time; the floor would be "
                        + "wrong");
            }
            quartz.start();
            Instant deadline = at.plus(Duration.ofMinutes(5));
            while (LATE_MILLIS.size() < due && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // polling what the jobs noted; the measure is their own start times
            }
            List<Long> delays = new ArrayList<>(LATE_MILLIS);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("floorFired", delays.size());
            result.put("floorDelayP50Seconds", SchedulerBench.percentile(delays, 0.50));
            result.put("floorDelayP99Seconds", SchedulerBench.percentile(delays, 0.99));
            result.put("floorDelayMaxSeconds", SchedulerBench.percentile(delays, 1.0));
            return result;
        } finally {
            quartz.clear();
            quartz.shutdown(true);
        }
    }
}
