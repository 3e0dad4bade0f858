package io.tributary.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of a benchmark run and its one-line summary. */
final class Report {
    private Report() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> results, BenchOptions options) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String system : options.systems()) {
            Map<String, Object> s = (Map<String, Object>) results.get(system);
            for (String entity : SystemBench.ENTITIES) {
                Map<String, Object> e = (Map<String, Object>) s.get(entity);
                Map<String, Object> inc = (Map<String, Object>) s.get(entity + ".incremental");
                summary.put(system + "." + entity + ".ratio", e.get("ratio"));
                summary.put(system + "." + entity + ".recordsPerSecond", e.get("tributaryRecordsPerSecond"));
                summary.put(system + "." + entity + ".incrementalRequests", inc.get("requests"));
            }
        }
        if (results.get("memory") instanceof List<?> memory) {
            for (Object o : memory) {
                Map<String, Object> m = (Map<String, Object>) o;
                summary.put("memory." + m.get("products") + ".peakHeapAfterGcMiB", m.get("peakHeapAfterGcMiB"));
            }
        }
        if (results.get("scheduler") instanceof Map<?, ?> scheduler) {
            summary.put("scheduler.secondStartSeconds", scheduler.get("secondStartSeconds"));
            summary.put("scheduler.firingDelayP99Seconds", scheduler.get("firingDelayP99Seconds"));
            summary.put("scheduler.floorDelayP99Seconds", scheduler.get("floorDelayP99Seconds"));
        }
        return summary;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results, BenchOptions options) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark (`bench`); run it again with the command below and compare ratios, not "
                + "seconds.\n\n");
        md.append("- command: `").append(options.command()).append("`\n");
        md.append("- started: ").append(results.get("startedAt")).append("\n");
        md.append("- machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu"))
                .append("), ").append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("os")).append("\n");
        md.append("- launch: ").append(results.get("launch")).append("\n");
        md.append("- JDK: ").append(machine.get("jdk")).append("; database: MariaDB ").append(machine.get("database"))
                .append("\n");
        md.append("- one-minute load average: ").append(results.get("loadAtStart")).append(" at start, ")
                .append(results.get("loadAtEnd")).append(" at the end (per round below)\n\n");
        if (!options.systems().isEmpty()) {
            syncTables(md, results, options);
        }
        if (results.get("memory") instanceof List<?> memory) {
            md.append("\n## Memory: a full products sync with `-Xmx256m`\n\n");
            md.append("| products | records | outcome | s | peak heap MiB | peak heap after GC MiB | peak RSS MiB | load |\n");
            md.append("|---:|---:|---|---:|---:|---:|---:|---:|\n");
            for (Object o : memory) {
                Map<String, Object> m = (Map<String, Object>) o;
                md.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %.1f | %d | %d | %d | %s |\n",
                        (int) m.get("products"), (long) m.get("records"), m.get("outcome"), m.get("seconds"),
                        (long) m.get("peakHeapMiB"), (long) m.get("peakHeapAfterGcMiB"), (long) m.get("peakRssMiB"),
                        m.get("load")));
            }
        }
        if (results.get("scheduler") instanceof Map<?, ?> scheduler) {
            md.append("\n## Scheduler: many connections, many syncs due at once\n\n");
            md.append("N connections of a small fake shop, each with its products and orders schedules active (2N "
                    + "triggers), in a fresh database; `tributary daemon` started twice (the first start creates the "
                    + "triggers); then D orders schedules moved to one minute, and how late each sync began after "
                    + "it (the daemon's default " + io.tributary.scheduler.SchedulerOptions.DEFAULT_THREADS
                    + " sync threads). The *floor* is Quartz alone, with the daemon's properties on the same "
                    + "database once the daemon has stopped, firing D jobs that do nothing, due at the same instant: "
                    + "no sync can begin before its job does.\n\n");
            md.append("| connections | triggers | first start s | second start s | due | began | delay p50 s | "
                    + "delay p99 s | delay max s | floor p50 s | floor p99 s | floor max s | load |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f | %.2f | %,d | %,d | %.2f | %.2f | %.2f | %.2f "
                    + "| %.2f | %.2f | %s |\n",
                    (int) scheduler.get("connections"), (int) scheduler.get("triggers"),
                    scheduler.get("firstStartSeconds"), scheduler.get("secondStartSeconds"),
                    (int) scheduler.get("due"), (int) scheduler.get("fired"), scheduler.get("firingDelayP50Seconds"),
                    scheduler.get("firingDelayP99Seconds"), scheduler.get("firingDelayMaxSeconds"),
                    scheduler.get("floorDelayP50Seconds"), scheduler.get("floorDelayP99Seconds"),
                    scheduler.get("floorDelayMaxSeconds"), scheduler.get("load")));
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void syncTables(StringBuilder md, Map<String, Object> results, BenchOptions options) {
        md.append("## Full sync at default settings\n\n");
        md.append("The *limit* is the same GET requests the sync sent, by a plain keep-alive client with 4 in flight, "
                + "plus the same rows written by plain JDBC into empty tables in one transaction; *Tributary* is "
                + "`tributary sync ID --entity E --full` as a new process (JVM start included) into a fresh "
                + "database. Medians of ").append(options.rounds()).append(" alternating round(s).\n\n");
        md.append("| system | entity | records | requests | fetch, 1 in flight s | fetch, 4 in flight s | write s | "
                + "limit s | Tributary s | Tributary records/s | limit ÷ Tributary | load |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> incremental = new ArrayList<>();
        for (String system : options.systems()) {
            Map<String, Object> s = (Map<String, Object>) results.get(system);
            for (String entity : SystemBench.ENTITIES) {
                Map<String, Object> e = (Map<String, Object>) s.get(entity);
                List<Map<String, Object>> rounds = (List<Map<String, Object>>) e.get("rounds");
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | "
                        + "%,d | **%.2f** | %s |\n", system, entity, (long) e.get("records"), (int) e.get("requests"),
                        e.get("fetchSequentialSeconds"), e.get("fetch4Seconds"), e.get("writeSeconds"),
                        e.get("limitSeconds"), e.get("tributarySeconds"), (long) e.get("tributaryRecordsPerSecond"),
                        e.get("ratio"), rounds.stream().map(r -> String.valueOf(r.get("load"))).toList()));
                Map<String, Object> inc = (Map<String, Object>) s.get(entity + ".incremental");
                incremental.add(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %.2f | %.2f | %s |\n",
                        system, entity, (int) inc.get("edits"), (long) inc.get("requests"),
                        (int) inc.get("requestBound"), (long) inc.get("read"), (long) inc.get("changed"),
                        inc.get("seconds"), (double) inc.get("seconds") / (double) e.get("tributarySeconds"),
                        inc.get("load")));
            }
        }
        md.append("\n## Incremental sync after edits at the source\n\n");
        md.append("K records edited at the shop, then `tributary sync ID --entity E` (no `--full`). The request bound "
                + "is ⌈K / 100⌉ + 3.\n\n");
        md.append("| system | entity | K | requests | bound | read | changed | s | ÷ full | load |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        incremental.forEach(md::append);
    }
}
