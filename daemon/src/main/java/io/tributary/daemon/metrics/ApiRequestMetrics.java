package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Requests the daemon's HTTP server answered: {@code tributary_api_requests_seconds{method, route, status}}, route
 * being the template ({@code /api/v1/connections/{id}}), never the path a client sent.
 */
public final class ApiRequestMetrics {
    private final MeterRegistry registry;

    ApiRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param route the route template that answered, or {@code unmatched} */
    public void answered(String method, String route, int status, long nanos) {
        Timer.builder("tributary.api.requests")
                .description("Requests to the daemon's HTTP server (admin API, health, metrics), by route template")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
