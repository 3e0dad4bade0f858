package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleSpec;
import io.tributary.scheduler.ScheduleTriggers;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it, on the embedded H2 store: one daemon at a time, health, schedule changes
 * from the CLI taken up live, and a clean stop on SIGTERM in the middle of a sync.
 */
class DaemonLifecycleIT {
    @TempDir
    Path home;

    @Test
    void runsStopsCleanlyOnSigtermAndResumes() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(500).orders(10).seed(4).start()) {
            Map<String, String> environment = new HashMap<>(cli.environment());
            environment.remove("TRIBUTARY_DB_URL"); // the embedded store in TRIBUTARY_HOME, shared by the processes
            environment.put("TRIBUTARY_HTTP_RATE", "1000");
            environment.put("TRIBUTARY_ZONE", "Europe/Stockholm");
            cli.environment().clear();
            cli.environment().putAll(environment);
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            assertThat(cli.run("schedule", "set", Long.toString(id), "--entity", "products", "--active").exitCode())
                    .isZero();

            // port 0: the daemon binds a free port itself and names it when it has started (no port picked here
            // and freed for the daemon, which another process could take in between)
            try (TributaryProcess daemon = TributaryProcess.start(home, environment, "daemon", "--http-port", "0",
                    "--node-id", "solo")) {
                int port = Integer.parseInt(daemon.awaitLog(Pattern.compile("Tributary daemon started: node solo, "
                        + "single node on the embedded H2 database, 1 active schedules, health on "
                        + "http://127.0.0.1:(\\d+)/health"), Duration.ofSeconds(60)).group(1));

                try (TributaryProcess second = TributaryProcess.start(home, environment, "daemon")) {
                    assertThat(second.waitFor(Duration.ofSeconds(60))).isEqualTo(1);
                    assertThat(second.stderr()).contains("The embedded H2 database runs a single daemon, and another one "
                            + "(daemon solo@");
                }

                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"scheduler\":\"STARTED\"")
                        .contains("\"nodeId\":\"solo\"").contains("\"clustered\":false");

                // a change made by the CLI (another process) reaches the running daemon's trigger
                assertThat(cli.run("schedule", "set", Long.toString(id), "--entity", "products", "--frequency",
                        "weekly", "--day-of-week", "WED", "--time", "03:45", "--start-date", "2027-01-01").exitCode())
                        .isZero();
                ScheduleSpec weekly = new ScheduleSpec(Frequency.WEEKLY, java.time.DayOfWeek.WEDNESDAY,
                        LocalTime.of(3, 45), LocalDate.of(2027, 1, 1), ZoneId.of("Europe/Stockholm"), true);
                long expected = ScheduleTriggers.nextFireAfter(weekly, Instant.now()).orElseThrow().toEpochMilli();
                await().atMost(Duration.ofSeconds(30)).until(() -> nextFireTime(cli, id) == expected);

                // stop it in the middle of a slow sync
                shop.faults().inject(Fault.latency(Duration.ofMillis(150)), 100_000, "/wp-json/wc/v3/products");
                try (QuartzClient quartz = new QuartzClient(environment)) {
                    quartz.fireNow(id, EntityType.PRODUCTS);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> cli.count("SELECT COALESCE(MAX(read_count), 0) "
                        + "FROM sync_run WHERE outcome = 'RUNNING'") >= 100);
                Instant stopAt = Instant.now();
                daemon.terminate();
                assertThat(daemon.waitFor(Duration.ofSeconds(45))).as(daemon.stderr()).isZero();
                assertThat(Duration.between(stopAt, Instant.now())).isLessThan(Duration.ofSeconds(30));
                assertThat(daemon.stderr()).contains("stopping: no new syncs").contains("products scheduled STOPPED")
                        .contains("stopped");
            }
            CliHarness.Result runs = cli.run("runs", "--json");
            assertThat(runs.json().get(0).get("outcome").asText()).isEqualTo("STOPPED");
            assertThat(runs.json().get(0).get("trigger").asText()).isEqualTo("SCHEDULED");
            assertThat(runs.json().get(0).get("node").asText()).startsWith("daemon solo@");
            long kept = cli.count("SELECT COUNT(*) FROM product");
            assertThat(kept).isPositive();

            shop.faults().clear();
            CliHarness.Result resumed = cli.run("sync", Long.toString(id), "--entity", "products", "--json");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            long total = shop.productIds().size()
                    + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();
            assertThat(cli.count("SELECT COUNT(*) FROM product")).isEqualTo(total);
            assertThat(resumed.json().get("read").asLong()).isLessThanOrEqualTo(total - kept + 20);
        }
    }

    private static long nextFireTime(CliHarness cli, long id) throws Exception {
        return cli.count("SELECT COALESCE(MAX(NEXT_FIRE_TIME), 0) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '"
                + ScheduleTriggers.triggerKey(id, EntityType.PRODUCTS).getName() + "'");
    }
}
