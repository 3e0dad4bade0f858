package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick mode's code path on tiny shops, end to end: shops in their own JVMs, the limit, the CLI as processes,
 * the incremental and memory parts, the report. Nothing here asserts a speed.
 */
class BenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void runsEveryPartAndWritesTheReport() throws Exception {
        Path report = dir.resolve("BENCHMARKS.md");
        // the test server, or the throwaway one the tests start when none answers on 127.0.0.1:3306
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--products", "40", "--orders", "30",
                "--edits", "3", "--memory-products", "40",
                // the scheduler part's connections and daemon starts; no schedule moved to a minute (it would wait
                // for that minute to come round)
                "--scheduler-connections", "5", "--scheduler-due", "0", "--server", TestDatabase.mariadbServerUrl(), "--user",
                TestDatabase.mariadbUser(), "--password", TestDatabase.mariadbPassword(),
                // no packaged jar yet in a module build: the CLI's main class runs from the test class path
                "--tributary-jar", dir.resolve("none.jar").toString(), "--out", report.toString()});

        Map<String, Object> results = Bench.run(options);

        for (String system : List.of("woocommerce", "magento")) {
            Map<String, Object> products = (Map<String, Object>) ((Map<String, Object>) results.get(system))
                    .get("products");
            assertThat((long) products.get("records")).as(system + " products and their variants").isGreaterThan(40);
            assertThat((double) products.get("ratio")).isPositive();
            Map<String, Object> incremental = (Map<String, Object>) ((Map<String, Object>) results.get(system))
                    .get("orders.incremental");
            assertThat((long) incremental.get("changed")).as(system + " edited orders stored").isEqualTo(3);
        }
        List<Map<String, Object>> memory = (List<Map<String, Object>>) results.get("memory");
        assertThat(memory).singleElement().satisfies(m -> assertThat(m.get("outcome")).isEqualTo("SUCCEEDED"));
        Map<String, Object> scheduler = (Map<String, Object>) results.get("scheduler");
        assertThat((double) scheduler.get("secondStartSeconds")).isPositive();
        assertThat(Files.readString(report)).contains("| woocommerce | products |", "| magento | orders |",
                "## Memory", "## Scheduler", "```json");
    }
}
