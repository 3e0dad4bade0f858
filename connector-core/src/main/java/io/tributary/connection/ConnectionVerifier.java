package io.tributary.connection;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.VerificationResult;

/**
 * Verifies settings online with their system's connector — a saved connection's or settings about to be saved —
 * and tells the hook each result. What the CLI, the admin API and the demo call for <em>Verify connection</em>.
 */
public final class ConnectionVerifier {
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final VerificationHook hook;

    public ConnectionVerifier(ConnectorRegistry registry, ConnectorContext context, VerificationHook hook) {
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.hook = requireNonNull(hook, "hook is null");
    }

    /**
     * Opens a connector for {@code settings} and verifies it: never throws for an expected failure (the result
     * says what is wrong), and is bounded in time by the connector's verification budget.
     */
    public VerificationResult verify(ConnectionSettings settings) {
        VerificationResult result;
        try (Connector connector = registry.require(settings.systemId()).open(settings, context)) {
            result = connector.verify();
        }
        hook.verified(settings.systemId(), result);
        return result;
    }
}
