package io.tributary.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tributary's speed as a ratio of the I/O limit measured in the same run on the same machine, its incremental cost,
 * and its memory as catalogues grow. Each part is printed as it finishes; the whole goes to a Markdown report
 * ({@code BENCHMARKS.md}) with the machine, the command and one JSON line. See {@link BenchOptions#USAGE}.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> results = run(options);
        System.out.println("written to " + options.out() + ": " + results.get("summary"));
    }

    /** Runs every part and writes the report; returns what was measured. */
    public static Map<String, Object> run(BenchOptions options) throws Exception {
        Path work = Files.createTempDirectory("tributary-bench");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().toString());
        results.put("command", options.command());
        results.put("machine", Machine.describe(options.serverUrl(), options.user(), options.password()));
        results.put("loadAtStart", Machine.load());
        print("machine: %s; load %.2f", results.get("machine"), Machine.load());
        Launcher launcher = Launcher.prepare(options, work);
        results.put("launch", launcher.description());
        print("launch: %s", launcher.description());
        for (String system : options.systems()) {
            results.put(system, new SystemBench(options, launcher, system, work).run());
        }
        if (!options.memoryProducts().isEmpty()) {
            results.put("memory", new MemoryBench(options, launcher, work).run());
        }
        if (options.schedulerConnections() > 0) {
            results.put("scheduler", new SchedulerBench(options, launcher, work).run());
        }
        results.put("loadAtEnd", Machine.load());
        results.put("summary", Report.summary(results, options));
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, Report.markdown(results, options)
                + "\n```json\n" + new ObjectMapper().writeValueAsString(results) + "\n```\n");
        return results;
    }

    static void print(String format, Object... values) {
        System.out.printf(Locale.ROOT, format + "%n", values);
        System.out.flush();
    }
}
