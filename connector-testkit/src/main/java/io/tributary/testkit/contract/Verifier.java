package io.tributary.testkit.contract;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.VerificationResult;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens one connector on its own HTTP stack and runs verify connection as the daemon does, with a short budget so a
 * silent server is named TIMEOUT in seconds, and checks that no secret of the settings comes back in the result. The
 * contract test and each connector's diagnosis test share it.
 */
public final class Verifier implements AutoCloseable {
    /**
     * How long a whole verification may take here; a server slower than this is a TIMEOUT. Roomy enough for a
     * verification of several calls (Shopify mints a token first) on a loaded two-core machine.
     */
    public static final Duration BUDGET = Duration.ofSeconds(5);

    private final ConnectorProvider provider;
    // the fakes are local: no need for the per-connection politeness limit of real shops
    private final HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000)
            .verificationBudget(BUDGET).build());

    public Verifier(ConnectorProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    /** A connector for these settings; the caller closes it. */
    public Connector open(ConnectionSettings settings) {
        return provider.open(settings, ConnectorContext.of(Clock.systemUTC(), http));
    }

    /** Verifies the settings and fails the test if a secret of theirs appears in the message or the details. */
    public VerificationResult verify(ConnectionSettings settings) {
        VerificationResult result;
        try (Connector connector = open(settings)) {
            result = connector.verify();
        }
        String shown = result.message() + result.details();
        settings.secrets().values().forEach(secret ->
                assertThat(secret.occursIn(shown)).as("a secret appears in: " + shown).isFalse());
        return result;
    }

    @Override
    public void close() {
        http.close();
    }
}
