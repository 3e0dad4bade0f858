package io.tributary.bench;

import io.tributary.connection.ConnectionDraft;
import io.tributary.daemon.App;
import io.tributary.daemon.DaemonConfig;
import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleChange;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler with many connections: N connections of a small fake WooCommerce shop, each with its products and
 * orders schedules active (2N triggers; their reconcile schedules stay inactive, as they start), in a fresh MariaDB
 * database. Measured: how long {@code tributary daemon} takes to start (the first start creates the triggers, the
 * second finds them), and, for D of the orders schedules moved to one minute, how late each of their syncs began
 * after that minute (p50, p99, max; the daemon's default sync threads). The connections are added in-process
 * (untimed); the daemon is started by the launcher at default settings.
 */
final class SchedulerBench {
    private static final String STARTED = "Tributary daemon started";
    private final BenchOptions options;
    private final Launcher launcher;
    private final Path work;

    SchedulerBench(BenchOptions options, Launcher launcher, Path work) {
        this.options = options;
        this.launcher = launcher;
        this.work = work;
    }

    Map<String, Object> run() throws Exception {
        int connections = options.schedulerConnections();
        int due = Math.min(options.schedulerDue(), connections);
        String database = "trib_bench_sched_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Path home = Files.createDirectories(work.resolve(database));
        Map<String, String> environment = new HashMap<>();
        environment.put(DaemonConfig.HOME, home.toString());
        environment.put("TRIBUTARY_DB_URL", options.databaseUrl(database));
        environment.put("TRIBUTARY_DB_USER", options.user());
        environment.put("TRIBUTARY_DB_PASSWORD", options.password());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("connections", connections);
        result.put("triggers", connections * 2);
        result.put("due", due);
        result.put("fired", 0);
        result.put("firingDelayP50Seconds", Double.NaN);
        result.put("firingDelayP99Seconds", Double.NaN);
        result.put("firingDelayMaxSeconds", Double.NaN);
        result.put("floorFired", 0);
        result.put("floorDelayP50Seconds", Double.NaN);
        result.put("floorDelayP99Seconds", Double.NaN);
        result.put("floorDelayMaxSeconds", Double.NaN);
        try (FakeWooCommerce shop = FakeWooCommerce.builder().products(1).orders(1).seed(5)
                .wooVersion(options.wooVersion()).start();
                App app = new App(DaemonConfig.from(environment, null), System.err)) {
            long began = System.nanoTime();
            List<Long> ids = addConnections(app, shop, connections);
            Bench.print("scheduler: %d connections with 2 active schedules each added in %.1f s (untimed part)",
                    connections, (System.nanoTime() - began) / 1e9);

            for (String start : List.of("firstStartSeconds", "secondStartSeconds")) {
                try (DaemonProcess daemon = DaemonProcess.start(launcher, profiling(start), home, environment,
                        work)) {
                    double seconds = daemon.awaitStarted();
                    result.put(start, SystemBench.round3(seconds));
                    Bench.print("scheduler: daemon %s with %d connections: started in %.2f s", start.startsWith("first")
                            ? "first start" : "second start", connections, seconds);
                    if (start.startsWith("second") && due > 0) {
                        result.putAll(firingDelays(app, environment, daemon, ids.subList(0, due)));
                    }
                }
            }
            if (due > 0) { // the daemon has stopped: Quartz alone has the machine, as the daemon had it
                result.putAll(QuartzFloor.measure(app.store(), due));
                Bench.print("scheduler: Quartz alone (the daemon's properties, jobs that do nothing), %d due at once: "
                        + "delay p50 %.2f s, p99 %.2f s, max %.2f s", due, result.get("floorDelayP50Seconds"),
                        result.get("floorDelayP99Seconds"), result.get("floorDelayMaxSeconds"));
            }
            result.put("load", Machine.load());
        } finally {
            execute("DROP DATABASE IF EXISTS " + database);
        }
        return result;
    }

    /** With {@code --profile}: the daemon of this start writes a Java Flight Recording there. */
    private List<String> profiling(String start) throws IOException {
        if (options.profile() == null) {
            return List.of();
        }
        Files.createDirectories(options.profile());
        return List.of(String.format(java.util.Locale.ROOT,
                "-XX:StartFlightRecording=filename=%s,settings=profile",
                options.profile().resolve("scheduler-" + start.replace("Seconds", "") + "-" + System.nanoTime()
                        + ".jfr")));
    }

    /** N connections, each with its orders schedule hourly and its products schedule daily, far from now. */
    private static List<Long> addConnections(App app, FakeWooCommerce shop, int count) throws Exception {
        LocalTime far = LocalTime.now(ZoneOffset.UTC).plusHours(6).truncatedTo(ChronoUnit.HOURS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                added.add(pool.submit(() -> {
                    long id = app.connections().add(new ConnectionDraft("woocommerce", "bench-" + number,
                            shop.siteUrl().toString(), null, Map.of(CredentialField.ACCESS_TOKEN, shop.consumerKey(),
                                    CredentialField.SECRET, shop.consumerSecret()))).id();
                    // spread over an hour that does not come round during the bench, a minute each
                    LocalTime minute = far.plusMinutes(number % 60);
                    app.schedules().set(id, EntityType.ORDERS, new ScheduleChange(Frequency.DAILY, null, minute,
                            null, ZoneOffset.UTC, true));
                    app.schedules().set(id, EntityType.PRODUCTS, new ScheduleChange(Frequency.DAILY, null,
                            minute.plusMinutes(30), null, ZoneOffset.UTC, true));
                    return id;
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : added) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Moves the orders schedules of {@code due} to one minute at least 40 s away (the running daemon takes schedule
     * changes up within seconds), then waits for their syncs to begin: each one's delay is its run's start minus
     * that minute.
     */
    private Map<String, Object> firingDelays(App app, Map<String, String> environment, DaemonProcess daemon,
            List<Long> due) throws Exception {
        Instant minute = Instant.now().plusSeconds(100).truncatedTo(ChronoUnit.MINUTES);
        LocalTime at = LocalTime.ofInstant(minute, ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(minute, ZoneOffset.UTC);
        for (long id : due) {
            app.schedules().set(id, EntityType.ORDERS, new ScheduleChange(Frequency.DAILY, null, at, day,
                    ZoneOffset.UTC, true));
        }
        Bench.print("scheduler: %d orders schedules moved to %s; waiting for their syncs", due.size(), minute);
        Instant deadline = minute.plusSeconds(300);
        List<Long> delays = List.of();
        while (Instant.now().isBefore(deadline) && daemon.alive()) {
            delays = startDelays(environment, minute);
            if (delays.size() >= due.size()) {
                break;
            }
            Thread.sleep(1000); // polling the runs table; the measure is the runs' own start times
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("fired", delays.size());
        result.put("firingDelayP50Seconds", percentile(delays, 0.50));
        result.put("firingDelayP99Seconds", percentile(delays, 0.99));
        result.put("firingDelayMaxSeconds", percentile(delays, 1.0));
        Bench.print("scheduler: %d of %d syncs due at the same minute began; delay p50 %.2f s, p99 %.2f s, max %.2f s",
                delays.size(), due.size(), result.get("firingDelayP50Seconds"), result.get("firingDelayP99Seconds"),
                result.get("firingDelayMaxSeconds"));
        return result;
    }

    private static List<Long> startDelays(Map<String, String> environment, Instant minute) throws SQLException {
        List<Long> delays = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(environment.get("TRIBUTARY_DB_URL"),
                environment.get("TRIBUTARY_DB_USER"), environment.get("TRIBUTARY_DB_PASSWORD"));
                PreparedStatement statement = connection.prepareStatement("SELECT started_at FROM sync_run WHERE "
                        + "entity = 'ORDERS' AND started_at >= ? ORDER BY started_at")) {
            statement.setTimestamp(1, java.sql.Timestamp.from(minute.minusSeconds(5)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    delays.add(rows.getTimestamp(1).toInstant().toEpochMilli() - minute.toEpochMilli());
                }
            }
        }
        return delays;
    }

    static double percentile(List<Long> millis, double fraction) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return SystemBench.round3(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.serverUrl(), options.user(),
                options.password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** {@code tributary daemon} started by the launcher (or from this class path), its log in a file. */
    private static final class DaemonProcess implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final long startedAt;

        private DaemonProcess(Process process, Path log, long startedAt) {
            this.process = process;
            this.log = log;
            this.startedAt = startedAt;
        }

        static DaemonProcess start(Launcher launcher, List<String> jvmOptions, Path home,
                Map<String, String> environment, Path work) throws IOException {
            Path log = Files.createTempFile(work, "daemon", ".log");
            ProcessBuilder builder = launcher.builder(jvmOptions, List.of("daemon", "--node-id", "bench"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            long startedAt = System.nanoTime();
            return new DaemonProcess(builder.start(), log, startedAt);
        }

        /** Seconds from process start to the daemon's "started" line. */
        double awaitStarted() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                if (Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the daemon ended before it started: "
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                Thread.sleep(50); // polling its log; the measure is the time of the line's appearance
            }
            throw new IllegalStateException("the daemon did not start within 5 minutes: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }

        boolean alive() {
            return process.isAlive();
        }

        @Override
        public void close() throws InterruptedException, IOException {
            process.destroy(); // SIGTERM: the daemon stops its scheduler and ends
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }
}
