package io.tributary.shopify;

import io.tributary.testing.EngineFixture;
import io.tributary.testing.TestDatabase;

/** The shared engine fixture, for shopify connections. */
final class SyncFixture extends EngineFixture {
    SyncFixture(TestDatabase.Backend backend) {
        super(backend, "shopify");
    }
}
