package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.CentralStore;
import io.tributary.testing.LogCapture;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureTrackerTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void flagsAfterThreeFailuresInARowWarnsOnceAndClearsOnSuccess(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); LogCapture log = LogCapture.begin()) {
            CentralStore store = database.store();
            long id = TestRows.connection(store, "shop");
            FailureTracker tracker = new FailureTracker(store.dataSource(), 3);
            String failing = "SELECT failing FROM connection WHERE id = " + id;

            tracker.recordFailure(id, "connection " + id, "first");
            tracker.recordFailure(id, "connection " + id, "second");
            tracker.recordSuccess(id, "connection " + id, java.time.Instant.now());
            tracker.recordFailure(id, "connection " + id, "a");
            tracker.recordFailure(id, "connection " + id, "b");
            assertThat(TestRows.string(store, failing)).isIn("FALSE", "false", "0");
            tracker.recordFailure(id, "connection " + id, "c: the shop is down");
            tracker.recordFailure(id, "connection " + id, "d: still down");

            assertThat(TestRows.string(store, failing)).isIn("TRUE", "true", "1");
            assertThat(TestRows.string(store, "SELECT last_error FROM connection WHERE id = " + id)).isEqualTo("d: still down");
            assertThat(log.lines()).filteredOn(l -> l.contains("is failing")).singleElement().asString()
                    .contains("its last 3 runs failed; last error: c: the shop is down");

            tracker.recordSuccess(id, "connection " + id, java.time.Instant.now());
            assertThat(TestRows.string(store, failing)).isIn("FALSE", "false", "0");
            assertThat(TestRows.string(store, "SELECT last_error FROM connection WHERE id = " + id)).isNull();
            assertThat(log.text()).contains("is no longer failing");
        }
    }
}
