package io.tributary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.CoreModule;
import io.tributary.spi.Secret;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The throughput parts for one system: a fake shop in its own JVM; a first full sync through the CLI (it warms the
 * shop and yields the requests and rows the limit repeats); then per entity, alternating rounds of the I/O limit
 * (the same GETs by a plain client, sequential and 4 in flight; the same rows by plain JDBC) and Tributary's full
 * sync into a fresh database; then an incremental sync after edits at the source.
 */
final class SystemBench {
    static final List<String> ENTITIES = List.of("products", "orders");
    private static final Map<String, List<String>> TABLES = Map.of("products", List.of("product"),
            "orders", List.of("orders", "order_line"));

    private final BenchOptions options;
    private final Launcher launcher;
    private final String system;
    private final Path work;
    private final List<String> databases = new ArrayList<>();

    SystemBench(BenchOptions options, Launcher launcher, String system, Path work) {
        this.options = options;
        this.launcher = launcher;
        this.system = system;
        this.work = work;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (ShopHandle shop = ShopHandle.start(system, options.products(), options.orders(), options.shopHeap(),
                    options.wooVersion(),
                work.resolve("shop-" + system + ".log"))) {
            result.put("shop", shop.summary());
            Bench.print("%s shop ready: %s", system, shop.summary());
            Db warm = freshDatabase(shop, "warm");
            Map<String, List<String>> targets = new LinkedHashMap<>();
            for (String entity : ENTITIES) {
                long mark = shop.requestCount();
                TributaryCli.Outcome first = warm.sync(entity, true, List.of());
                targets.put(entity, shop.targetsAfter(mark));
                Bench.print("%s %s: first full sync (warm-up) %.2f s, %d requests", system, entity, first.seconds(),
                        targets.get(entity).size());
            }
            PlainFetch fetch = new PlainFetch(shop);
            List<Db> runs = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                runs.add(freshDatabase(shop, "run" + round));
            }
            for (String entity : ENTITIES) {
                result.put(entity, entity(shop, entity, warm, targets.get(entity), fetch, runs));
            }
            Db last = runs.get(runs.size() - 1);
            for (String entity : ENTITIES) {
                result.put(entity + ".incremental", incremental(shop, last, entity));
            }
        } finally {
            dropDatabases();
        }
        return result;
    }

    private Map<String, Object> entity(ShopHandle shop, String entity, Db warm, List<String> targets, PlainFetch fetch,
            List<Db> runs) throws Exception {
        List<PlainWrite.Table> rows = PlainWrite.read(warm.url, options.user(), options.password(), warm.connectionId,
                TABLES.get(entity));
        Db limitDb = freshDatabase(null, "limit");
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Db run : runs) {
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("load", Machine.load());
            PlainFetch.Result sequential = fetch.fetch(targets, 1);
            PlainFetch.Result parallel = fetch.fetch(targets, 4);
            PlainWrite.Result write = PlainWrite.write(limitDb.url, options.user(), options.password(),
                    copyConnection(limitDb, warm, rows));
            TributaryCli.Outcome sync = run.sync(entity, true, List.of());
            long records = sync.json().path("read").asLong();
            round.put("fetchSequentialSeconds", round3(sequential.seconds()));
            round.put("fetch4Seconds", round3(parallel.seconds()));
            round.put("writeSeconds", round3(write.seconds()));
            round.put("writePath", write.path());
            round.put("limitSeconds", round3(parallel.seconds() + write.seconds()));
            round.put("tributarySeconds", round3(sync.seconds()));
            round.put("records", records);
            round.put("rows", write.rows());
            round.put("requests", targets.size());
            round.put("ratio", round3((parallel.seconds() + write.seconds()) / sync.seconds()));
            rounds.add(round);
            Bench.print("%s %s round %d (load %.2f): limit %.2f s (fetch 1: %.2f, fetch 4: %.2f, write %.2f, %s); "
                    + "tributary %.2f s, %d records, %.0f records/s; limit/tributary %.2f", system, entity,
                    rounds.size(), (double) round.get("load"), (double) round.get("limitSeconds"),
                    sequential.seconds(), parallel.seconds(), write.seconds(), write.path(), sync.seconds(), records,
                    records / sync.seconds(), (double) round.get("ratio"));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        double limit = median(rounds, "limitSeconds");
        double tributary = median(rounds, "tributarySeconds");
        long records = ((Number) rounds.get(0).get("records")).longValue();
        summary.put("records", records);
        summary.put("requests", targets.size());
        summary.put("fetchSequentialSeconds", median(rounds, "fetchSequentialSeconds"));
        summary.put("fetch4Seconds", median(rounds, "fetch4Seconds"));
        summary.put("writeSeconds", median(rounds, "writeSeconds"));
        summary.put("limitSeconds", limit);
        summary.put("tributarySeconds", tributary);
        summary.put("tributaryRecordsPerSecond", Math.round(records / tributary));
        summary.put("limitRecordsPerSecond", Math.round(records / limit));
        summary.put("ratio", median(rounds, "ratio"));
        summary.put("rounds", rounds);
        return summary;
    }

    private Map<String, Object> incremental(ShopHandle shop, Db db, String entity) throws Exception {
        shop.edit(entity, options.edits());
        long mark = shop.requestCount();
        TributaryCli.Outcome sync = db.sync(entity, false, List.of());
        long requests = shop.requestCount() - mark;
        JsonNode json = sync.json();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("load", Machine.load());
        result.put("edits", options.edits());
        result.put("requests", requests);
        result.put("requestBound", (options.edits() + 99) / 100 + 3);
        result.put("read", json.path("read").asLong());
        result.put("changed", json.path("inserted").asLong() + json.path("updated").asLong());
        result.put("seconds", round3(sync.seconds()));
        Bench.print("%s %s incremental after %d edits: %d requests (bound %d), %d read, %d changed, %.2f s", system,
                entity, options.edits(), requests, (int) result.get("requestBound"), (long) result.get("read"),
                (long) result.get("changed"), sync.seconds());
        return result;
    }

    /** A fresh database; with a shop, a CLI on it and the shop's connection added (untimed). */
    Db freshDatabase(ShopHandle shop, String purpose) throws Exception {
        String name = "trib_bench_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        databases.add(name);
        Db db = new Db(options.databaseUrl(name));
        if (shop == null) {
            try (CentralStore store = CentralStore.open(new StoreConfig(db.url, options.user(),
                    Secret.of(options.password()), 1), CoreModule.STORE)) {
                return db; // the migrations ran: the tables are Tributary's own
            }
        }
        Path home = Files.createDirectories(work.resolve(name));
        db.cli = new TributaryCli(launcher, home, db.url, options.user(), options.password());
        JsonNode added = db.cli.run(List.of(), List.of("connection", "add", "--system", system, "--name",
                "bench-" + system, "--url", shop.url(), "--access-token", shop.accessToken(), "--secret",
                shop.secret(), "--json")).requireSuccess("connection add").json();
        db.connectionId = added.path("id").asLong();
        return db;
    }

    /** The store and connection rows the copied rows belong to, copied first: the tables keep their foreign keys. */
    private List<PlainWrite.Table> copyConnection(Db limit, Db source, List<PlainWrite.Table> rows)
            throws SQLException {
        String from = source.url.replaceAll("^.*/([^/?]+).*$", "$1");
        String to = limit.url.replaceAll("^.*/([^/?]+).*$", "$1");
        try (Connection connection = DriverManager.getConnection(options.serverUrl(), options.user(),
                options.password()); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + to + ".order_line");
            statement.execute("DELETE FROM " + to + ".orders");
            statement.execute("DELETE FROM " + to + ".product");
            statement.execute("DELETE FROM " + to + ".connection");
            statement.execute("DELETE FROM " + to + ".store");
            statement.execute("INSERT INTO " + to + ".store SELECT * FROM " + from + ".store");
            statement.execute("INSERT INTO " + to + ".connection SELECT * FROM " + from + ".connection");
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.serverUrl(), options.user(),
                options.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Drops every database this bench made. */
    void dropAll() throws SQLException {
        dropDatabases();
    }

    private void dropDatabases() throws SQLException {
        for (String name : databases) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
        databases.clear();
    }

    static double median(List<Map<String, Object>> rounds, String key) {
        double[] values = rounds.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).sorted().toArray();
        int n = values.length;
        return round3(n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** A scratch database and the CLI pointed at it. */
    final class Db {
        final String url;
        TributaryCli cli;
        long connectionId;

        Db(String url) {
            this.url = url;
        }

        TributaryCli.Outcome sync(String entity, boolean full, List<String> jvmOptions) throws Exception {
            return attempt(entity, full, jvmOptions).requireSuccess("sync " + entity);
        }

        /** A sync that may fail (its exit code says). */
        TributaryCli.Outcome attempt(String entity, boolean full, List<String> jvmOptions) throws Exception {
            List<String> arguments = new ArrayList<>(List.of("sync", Long.toString(connectionId), "--entity", entity,
                    "--json"));
            if (full) {
                arguments.add("--full");
            }
            List<String> jvm = new ArrayList<>(jvmOptions);
            if (options.profile() != null) {
                Files.createDirectories(options.profile());
                jvm.add("-Xlog:jfr+startup=off"); // JFR announces itself on stdout, where the CLI's JSON goes
                jvm.add(String.format(Locale.ROOT, "-XX:StartFlightRecording=filename=%s,settings=profile",
                        options.profile().resolve(system + "-" + entity + (full ? "-full-" : "-incremental-")
                                + System.nanoTime() + ".jfr")));
            }
            return cli.run(jvm, arguments);
        }
    }
}
