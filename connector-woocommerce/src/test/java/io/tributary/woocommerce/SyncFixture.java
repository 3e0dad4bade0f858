package io.tributary.woocommerce;

import io.tributary.http.HttpPolicy;
import io.tributary.testing.EngineFixture;
import io.tributary.testing.TestDatabase;

/** The shared engine fixture, for woocommerce connections. */
final class SyncFixture extends EngineFixture {
    SyncFixture(TestDatabase.Backend backend) {
        super(backend, "woocommerce");
    }

    SyncFixture(TestDatabase.Backend backend, HttpPolicy policy) {
        super(backend, "woocommerce", policy);
    }
}
