package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.CoreModule;
import io.tributary.scheduler.SchedulerModule;
import io.tributary.store.CentralStore;
import io.tributary.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scheduler's floor fires every job it stores, each after its time, and leaves none behind. */
class QuartzFloorTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void firesEveryJobOnceAndLeavesNoneBehind(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store(CoreModule.STORE, SchedulerModule.STORE);
            Map<String, Object> floor = QuartzFloor.measure(store, 20);

            assertThat(floor).containsEntry("floorFired", 20);
            assertThat((double) floor.get("floorDelayP50Seconds")).isNotNegative()
                    .isLessThanOrEqualTo((double) floor.get("floorDelayP99Seconds"));
            assertThat((double) floor.get("floorDelayMaxSeconds")).isLessThan(60);
            try (var connection = store.dataSource().getConnection();
                    var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM QRTZ_TRIGGERS")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the floor's triggers removed").isZero();
            }
        }
    }
}
