package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.scheduler.FiringHook;
import io.tributary.spi.EntityType;
import java.time.Duration;

/**
 * How late scheduled syncs fire on this node: {@code tributary_scheduler_fire_lag_seconds{entity}} (a histogram),
 * Quartz's actual fire time minus the trigger's scheduled one.
 */
final class FiringMetrics implements FiringHook {
    private final MeterRegistry registry;

    FiringMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void fired(EntityType entity, Duration lag) {
        Timer.builder("tributary.scheduler.fire.lag")
                .description("Scheduled syncs: actual fire time minus scheduled fire time")
                .tag("entity", entity.cliName())
                .serviceLevelObjectives(Buckets.FIRE_LAG)
                .register(registry).record(lag);
    }
}
