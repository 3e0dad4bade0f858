package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on MariaDB (tiny sizes; nothing here asserts a speed). */
class SyncBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void measuresEveryPhase() throws Exception {
        // the test server, or the throwaway one the tests start when none answers on 127.0.0.1:3306
        Map<String, Object> results = SyncBench.run(new SyncBench.Options(300, TestDatabase.mariadbServerUrl(),
                TestDatabase.mariadbUser(), TestDatabase.mariadbPassword(), dir.resolve("r.json")));

        assertThat(results.get("products")).isEqualTo(300);
        assertThat((long) results.get("sync.records")).as("products and their variations").isGreaterThan(300);
        assertThat((long) results.get("limit.rowsPerSecond")).isPositive();
        assertThat((long) results.get("writer.rowsPerSecond")).isPositive();
        assertThat((double) results.get("sync/limit")).isPositive();
        assertThat(results).containsKeys("heap.sync.small.MiB", "heap.sync.full.MiB", "writer/limit");
    }
}
