package io.tributary.coopcycle;

import io.tributary.http.HttpPolicy;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.EngineFixture;
import io.tributary.testing.TestDatabase;
import java.time.Duration;

/** The shared engine fixture, for CoopCycle connections (few, fast retries). */
final class SyncFixture extends EngineFixture {
    SyncFixture(TestDatabase.Backend backend) {
        super(backend, "coopcycle", HttpPolicy.builder().requestsPerSecond(1000).initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100)).maxAttempts(3).build());
    }

    SyncRun fullSync(long connection) {
        return fullSync(connection, EntityType.ORDERS);
    }
}
