package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.http.HttpCallListener;
import java.util.concurrent.TimeUnit;

/**
 * Calls to external systems: {@code tributary_http_client_requests_seconds{system, status}} (its {@code _count} is
 * the number of calls; status {@code io_error} when no answer came). Each retry attempt is a call.
 */
final class HttpCallMetrics implements HttpCallListener {
    private final MeterRegistry registry;

    HttpCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void called(String system, String status, long nanos) {
        Timer.builder("tributary.http.client.requests")
                .description("HTTP calls to external systems, by system and answer status (time to the answer's headers)")
                .tag("system", system).tag("status", status)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
