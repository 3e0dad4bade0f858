package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.run.PageCounts;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.sync.SyncRunHook;
import java.time.Duration;

/**
 * Sync runs and their records: {@code tributary_sync_runs_total{system, entity, outcome}},
 * {@code tributary_sync_run_duration_seconds{system, entity}} (a histogram),
 * {@code tributary_sync_records_read_total} and {@code tributary_sync_records_written_total} ({@code system, entity};
 * written is inserted plus updated: unchanged records are not written). Records are counted page by page, so a long
 * sync shows its progress.
 */
final class SyncMetrics implements SyncRunHook {
    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void pageStored(String system, EntityType entity, PageCounts page) {
        records("tributary.sync.records.read", "Records read from the source system", system, entity)
                .increment(page.read());
        records("tributary.sync.records.written", "Records inserted or updated in the central database", system,
                entity).increment(page.inserted() + page.updated());
    }

    private Counter records(String name, String description, String system, EntityType entity) {
        return Counter.builder(name).description(description).tag("system", system).tag("entity", entity.cliName())
                .register(registry);
    }

    @Override
    public void runClosed(String system, SyncRun run, Duration took) {
        Counter.builder("tributary.sync.runs").description("Sync runs ended, by outcome")
                .tag("system", system).tag("entity", run.entity().cliName()).tag("outcome", run.outcome().name())
                .register(registry).increment();
        Timer.builder("tributary.sync.run.duration").description("How long sync runs took")
                .tag("system", system).tag("entity", run.entity().cliName())
                .serviceLevelObjectives(Buckets.RUN)
                .register(registry).record(took);
    }
}
