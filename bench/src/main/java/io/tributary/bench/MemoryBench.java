package io.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory as the catalogue grows: for each size, a WooCommerce shop of that many products in its own JVM and a full
 * products sync by the CLI with {@code -Xmx256m} into a fresh database; the heap in use at its most (before a
 * collection and after one, from the GC log) and the process's peak resident set.
 */
final class MemoryBench {
    private final BenchOptions options;
    private final Launcher launcher;
    private final Path work;

    MemoryBench(BenchOptions options, Launcher launcher, Path work) {
        this.options = options;
        this.launcher = launcher;
        this.work = work;
    }

    List<Map<String, Object>> run() throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int products : options.memoryProducts()) {
            SystemBench bench = new SystemBench(options, launcher, "woocommerce", work);
            try (ShopHandle shop = ShopHandle.start("woocommerce", products, 1, options.shopHeap(),
                    options.wooVersion(),
                    work.resolve("shop-memory.log"))) {
                SystemBench.Db db = bench.freshDatabase(shop, "memory");
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("products", products);
                result.put("load", Machine.load());
                TributaryCli.Outcome sync = db.attempt("products", true, List.of("-Xmx256m"));
                boolean ran = sync.stdout().trim().startsWith("{");
                result.put("records", ran ? sync.json().path("read").asLong() : 0L);
                result.put("outcome", ran ? sync.json().path("outcome").asText() : "CRASHED (exit " + sync.exit() + ")");
                result.put("seconds", SystemBench.round3(sync.seconds()));
                result.put("peakHeapMiB", sync.peakHeapMiB());
                result.put("peakHeapAfterGcMiB", sync.peakLiveHeapMiB());
                result.put("peakRssMiB", sync.peakRssKiB() / 1024);
                results.add(result);
                Bench.print("memory: %d products (%d records) with -Xmx256m: %s in %.1f s, peak heap %d MiB (after GC "
                        + "%d MiB), peak RSS %d MiB", products, (long) result.get("records"), result.get("outcome"),
                        sync.seconds(), sync.peakHeapMiB(), sync.peakLiveHeapMiB(), sync.peakRssKiB() / 1024);
            } finally {
                bench.dropAll();
            }
        }
        return results;
    }
}
