package io.tributary.bench;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.core.CoreModule;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.RecordWriter;
import io.tributary.run.SyncRun;
import io.tributary.run.SyncRuns;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.RecordPage;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Measures the record path against a limit measured in the same run on the same database:
 * <ol>
 *   <li>limit: the store's bulk-write speed for product-shaped rows (batched upserts, nothing else);</li>
 *   <li>writer: the same number of records through {@link RecordWriter} in pages of 100 (change detection,
 *       per-page transaction with the cursor and run counts);</li>
 *   <li>sync: a full WooCommerce sync through the engine from the testkit's fake shop over loopback HTTP
 *       (OAuth signing, JSON, variations fetched per variable product);</li>
 *   <li>memory: the live heap the sync adds, for a catalogue a tenth of the size and for the full one.</li>
 * </ol>
 * Ratios are printed and written as JSON; they are what to compare between runs and machines, not the seconds.
 *
 * <p>Usage: {@code java -jar bench/target/tributary-bench.jar [--products N] [--server JDBC_URL] [--user U]
 * [--password P] [--out FILE]}; the server URL names any database on a MariaDB server whose user may create
 * databases (a scratch database is created and dropped).
 */
public final class SyncBench {
    /** What to measure with. */
    public record Options(int products, String serverUrl, String user, String password, Path out) {}

    private SyncBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i], args[i + 1]);
        }
        Options options = new Options(Integer.parseInt(given.getOrDefault("--products", "100000")),
                given.getOrDefault("--server", "jdbc:mariadb://127.0.0.1:3306/test"),
                given.getOrDefault("--user", "root"), given.getOrDefault("--password", ""),
                Path.of(given.getOrDefault("--out", "bench/target/bench-results.json")));
        Map<String, Object> results = run(options);
        results.forEach((key, value) -> System.out.printf(Locale.ROOT, "%-28s %s%n", key, value));
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("written to " + options.out());
    }

    public static Map<String, Object> run(Options options) throws Exception {
        String database = "trib_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(options, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        String url = options.serverUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try (CentralStore store = CentralStore.open(new StoreConfig(url, options.user(), Secret.of(options.password()), 8),
                CoreModule.STORE);
                HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(100_000).build())) {
            return measure(store, http, options.products());
        } finally {
            execute(options, "DROP DATABASE IF EXISTS " + database);
        }
    }

    private static Map<String, Object> measure(CentralStore store, HttpStack http, int products) throws Exception {
        Clock clock = Clock.systemUTC();
        ConnectorRegistry registry = ConnectorRegistry.load();
        ConnectionService connections = new ConnectionService(store, registry,
                new SecretCipher(MasterKey.generate("bench")), clock, ConnectionAddedHook.NONE);
        SyncRuns runs = new SyncRuns(store, clock);
        RecordWriter writer = new RecordWriter(store.dataSource(), clock);
        SyncEngine engine = SyncEngine.builder(store, connections, registry, ConnectorContext.of(clock, http)).clock(clock)
                .lookback(Duration.ofMinutes(5)).build();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("products", products);

        double limitSeconds = BulkWriteLimit.measure(store.dataSource(), connection(connections, "limit", null), products);
        double limitRate = products / limitSeconds;
        results.put("limit.rowsPerSecond", round(limitRate));

        long writerConnection = connection(connections, "writer", null);
        long run = runs.start(writerConnection, EntityType.PRODUCTS, SyncRun.Trigger.MANUAL, true).id();
        long start = System.nanoTime();
        PageCounts totals = PageCounts.ZERO;
        for (int first = 1; first <= products; first += 100) {
            RecordPage page = SampleRecords.page(first, Math.min(100, products - first + 1));
            totals = totals.plus(writer.write(new PageWrite(writerConnection, EntityType.PRODUCTS, run, page,
                    SyncCursor.START, totals)));
        }
        double writerRate = products / ((System.nanoTime() - start) / 1e9);
        results.put("writer.rowsPerSecond", round(writerRate));
        results.put("writer/limit", round2(writerRate / limitRate));

        Map<String, Object> small = syncFromFake(engine, connections, Math.max(1, products / 10), "sync-small");
        Map<String, Object> full = syncFromFake(engine, connections, products, "sync");
        double syncRate = (double) full.get("recordsPerSecond");
        results.put("sync.records", full.get("records"));
        results.put("sync.seconds", full.get("seconds"));
        results.put("sync.recordsPerSecond", round(syncRate));
        results.put("sync/limit", round2(syncRate / limitRate));
        results.put("heap.sync.small.MiB", small.get("heapMiB"));
        results.put("heap.sync.full.MiB", full.get("heapMiB"));
        return results;
    }

    private static Map<String, Object> syncFromFake(SyncEngine engine, ConnectionService connections, int products,
            String name) throws Exception {
        try (FakeWooCommerce shop = FakeWooCommerce.builder().products(products).orders(1).seed(1).start()) {
            long id = connection(connections, name, shop);
            long baseline = HeapSampler.settledHeap();
            long start = System.nanoTime();
            SyncRun run;
            long peak;
            try (HeapSampler sampler = HeapSampler.start()) {
                run = engine.run(new SyncRequest(id, EntityType.PRODUCTS, SyncRun.Trigger.MANUAL, true), SyncListener.NONE);
                peak = sampler.peak();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run.outcome() != SyncRun.Outcome.SUCCEEDED) {
                throw new IllegalStateException("the benchmark sync failed: " + run.errorMessage());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("records", run.readCount());
            result.put("seconds", round2(seconds));
            result.put("recordsPerSecond", run.readCount() / seconds);
            result.put("heapMiB", round2(Math.max(0, peak - baseline) / (1024.0 * 1024.0)));
            return result;
        }
    }

    private static long connection(ConnectionService connections, String name, FakeWooCommerce shop) {
        String url = shop == null ? "https://" + name + ".example" : shop.siteUrl().toString();
        return connections.add(new ConnectionDraft("woocommerce", name, url, null, Map.of(
                CredentialField.ACCESS_TOKEN, shop == null ? "ck_bench" : shop.consumerKey(),
                CredentialField.SECRET, shop == null ? "cs_bench" : shop.consumerSecret()))).id();
    }

    private static void execute(Options options, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.serverUrl(), options.user(), options.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long round(double value) {
        return Math.round(value);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

}
