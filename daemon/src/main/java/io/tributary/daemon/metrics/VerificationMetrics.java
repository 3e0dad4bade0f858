package io.tributary.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.connection.VerificationHook;
import io.tributary.spi.VerificationResult;

/** Verifications: {@code tributary_connection_verifications_total{system, result}}, result OK or the failure kind. */
final class VerificationMetrics implements VerificationHook {
    private final MeterRegistry registry;

    VerificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void verified(String system, VerificationResult result) {
        Counter.builder("tributary.connection.verifications")
                .description("Connections verified, by system and result (OK or the failure kind)")
                .tag("system", system).tag("result", result.kind().name())
                .register(registry).increment();
    }
}
