package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.PrivateMariaDb;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB server process stopped in the middle of a sync and started again: the CLI ends with exit 3 and one
 * sentence, commits nothing of the page it was writing, answers exit 3 while the database is down, and once it is
 * back the next sync resumes from the last committed cursor with exact data (the stranded run closed ABANDONED).
 * A private server of this test's own, so the one every other test shares is never stopped; made with the server's
 * defaults, its database is latin1, which the migrations turn to utf8mb4.
 */
class DatabaseOutageIT {
    private static final String PRODUCTS = "/wp-json/wc/v3/products";

    @TempDir
    Path home;

    @Test
    void aDatabaseStoppedMidSyncFailsTheCliCleanlyAndTheNextSyncResumesExactly() throws Exception {
        try (PrivateMariaDb database = PrivateMariaDb.start(home.resolve("mariadb"));
                FakeWooCommerce shop = FakeWooCommerce.builder().products(600).orders(5).seed(21).start()) {
            PrivateStoreJar jar = new PrivateStoreJar(home, database);
            Map<String, String> environment = jar.environment();
            String id = jar.run("connection", "add", "--system", "woocommerce", "--name", "Shop",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asText();
            long expected = shop.productIds().size()
                    + shop.productIds().stream().mapToLong(p -> shop.variationIds(p).size()).sum();

            // the database goes away (its server process stopped) once some pages are committed, mid-sync
            shop.faults().inject(Fault.latency(Duration.ofMillis(40)), 100_000, PRODUCTS);
            PrivateStoreJar.Outcome failed;
            try (TributaryProcess sync = TributaryProcess.start(home, environment, "sync", id, "--entity",
                    "products")) {
                try {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                            .until(() -> jar.count("SELECT COUNT(*) FROM product") >= 150);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("no pages stored; the sync said:\n" + sync.stderr(), e);
                }
                database.stop();
                int code = sync.waitFor(Duration.ofSeconds(180));
                failed = new PrivateStoreJar.Outcome(code, sync.stdout(), sync.stderr());
            }

            assertThat(database.running()).isFalse();
            assertThat(failed.code()).as(failed.err()).isEqualTo(3);
            assertThat(failed.err()).contains("database").doesNotContain("Exception", "\tat ");
            PrivateStoreJar.Outcome down = jar.run("connection", "list");
            assertThat(down.code()).isEqualTo(3);
            assertThat(down.err().strip().lines().filter(l -> !l.isBlank()).count()).as(down.err()).isEqualTo(1);

            database.restart();
            shop.faults().clear();
            long storedBefore = jar.count("SELECT COUNT(*) FROM product");
            assertThat(storedBefore).as("pages committed before the outage stay, the rest is missing").isPositive()
                    .isLessThan(expected);

            JsonNode runs = jar.run("runs", "--json").json();
            assertThat(runs.get(0).get("outcome").asText()).as("its process is gone").isEqualTo("ABANDONED");
            JsonNode resumed = jar.run("sync", id, "--entity", "products", "--json").json();
            assertThat(resumed.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("read").asLong()).as("from the last committed cursor")
                    .isLessThanOrEqualTo(expected - storedBefore + 100);
            assertThat(jar.count("SELECT COUNT(*) FROM product")).isEqualTo(expected);
            assertThat(jar.count("SELECT COUNT(DISTINCT external_id) FROM product")).isEqualTo(expected);
            assertThat(jar.count("SELECT COUNT(*) FROM sync_lease")).isZero();

            // this server's database was made with its latin1 default: the migrations turned the tables to utf8mb4,
            // so names in any script are stored as the shop sent them
            assertThat(jar.count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                    + "DATABASE() AND TABLE_COLLATION NOT LIKE 'utf8mb4%'")).isZero();
            assertThat(jar.count("SELECT COUNT(*) FROM product WHERE name LIKE '%日本茶%'")).isPositive();
        }
    }
}
