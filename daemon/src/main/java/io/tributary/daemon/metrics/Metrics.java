package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.connection.VerificationHook;
import io.tributary.http.HttpCallListener;
import io.tributary.scheduler.FiringHook;
import io.tributary.sync.SyncRunHook;

/**
 * The daemon's meters, in one Prometheus registry served at {@code GET /metrics}: the hooks that core and the
 * scheduler call, implemented here so that only this package names Micrometer, and the JVM's own meters. Every label
 * value is a system id, an entity, an enum constant, an HTTP status or a route template: never a URL, a credential,
 * an id or a customer's data.
 */
public final class Metrics implements AutoCloseable {
    /** Prometheus' text exposition format, what {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final SyncMetrics syncs = new SyncMetrics(registry);
    private final HttpCallMetrics httpCalls = new HttpCallMetrics(registry);
    private final VerificationMetrics verifications = new VerificationMetrics(registry);
    private final FiringMetrics firings = new FiringMetrics(registry);
    private final ApiRequestMetrics apiRequests = new ApiRequestMetrics(registry);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public SyncRunHook syncs() {
        return syncs;
    }

    public HttpCallListener httpCalls() {
        return httpCalls;
    }

    public VerificationHook verifications() {
        return verifications;
    }

    public FiringHook firings() {
        return firings;
    }

    public ApiRequestMetrics apiRequests() {
        return apiRequests;
    }

    /** Every meter now, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
