package io.tributary.magento;

import io.tributary.http.HttpPolicy;
import io.tributary.testing.EngineFixture;
import io.tributary.testing.TestDatabase;

/** The shared engine fixture, for magento connections. */
final class SyncFixture extends EngineFixture {
    SyncFixture(TestDatabase.Backend backend) {
        super(backend, "magento");
    }

    SyncFixture(TestDatabase.Backend backend, HttpPolicy policy) {
        super(backend, "magento", policy);
    }
}
