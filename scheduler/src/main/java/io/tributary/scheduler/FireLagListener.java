package io.tributary.scheduler;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import java.time.Duration;
import org.quartz.JobExecutionContext;
import org.quartz.listeners.JobListenerSupport;

/** Tells a {@link FiringHook} how late each sync job fired: Quartz's fire time minus the trigger's scheduled one. */
final class FireLagListener extends JobListenerSupport {
    private final FiringHook hook;

    FireLagListener(FiringHook hook) {
        this.hook = requireNonNull(hook, "hook is null");
    }

    @Override
    public String getName() {
        return "tributary-fire-lag";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        if (context.getFireTime() == null || context.getScheduledFireTime() == null) {
            return;
        }
        long late = context.getFireTime().getTime() - context.getScheduledFireTime().getTime();
        String entity = context.getMergedJobDataMap().getString(SyncJob.ENTITY);
        if (entity != null) {
            hook.fired(EntityType.valueOf(entity), Duration.ofMillis(Math.max(0, late)));
        }
    }
}
