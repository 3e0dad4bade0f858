package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.store.StoreConfig;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue larger than the heap: 200,000 products listed by the real jar in a JVM of 48 MB, as NDJSON and as CSV,
 * every one exactly once; and paged with --after. Before listings streamed, the whole listing was held in memory.
 */
class ExportIT {
    private static final int PRODUCTS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void twoHundredThousandProductsStreamThroughASmallHeap() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home)) {
            long connection = TestRows.connection(cli.database().store(), "big catalogue");
            insertProducts(cli.database().config(), connection);

            List<String> ndjson = run(cli, "products", "--format", "ndjson").out().lines().toList();
            assertThat(ndjson).hasSize(PRODUCTS);
            Set<String> ids = new HashSet<>();
            for (String line : ndjson) {
                ids.add(JSON.readTree(line).get("externalId").asText());
            }
            assertThat(ids).hasSize(PRODUCTS);
            JsonNode first = JSON.readTree(ndjson.get(0));
            assertThat(first.get("price").asText()).isEqualTo("199999.99"); // most recently changed first
            assertThat(first.get("updatedAt").asText()).endsWith("Z");

            List<String> csv = run(cli, "products", "--format", "csv", "--connection", Long.toString(connection))
                    .out().lines().toList();
            assertThat(csv).hasSize(PRODUCTS + 1);
            assertThat(csv.get(0)).startsWith("connectionId,externalId,").contains("price");
            assertThat(csv.get(1)).contains(",199999.99,");

            // pages in key order: the cursor of one page starts the next, nothing twice
            CliHarness.Result page = run(cli, "products", "--after", "start", "--limit", "500", "--format", "ndjson");
            assertThat(page.out().lines()).hasSize(500);
            String next = page.err().lines().filter(l -> l.startsWith("Next page: --after ")).findFirst().orElseThrow()
                    .substring("Next page: --after ".length());
            CliHarness.Result second = run(cli, "products", "--after", next, "--limit", "500", "--format", "ndjson");
            assertThat(JSON.readTree(second.out().lines().findFirst().orElseThrow()).get("externalId").asText())
                    .isEqualTo(String.format("%07d", 501));
        }
    }

    /** The jar in a 48 MB heap; fails with what it printed when it does not exit 0. */
    private CliHarness.Result run(CliHarness cli, String... args) throws Exception {
        try (TributaryProcess process = TributaryProcess.startWithHeap("48m", home, cli.environment(), args)) {
            int code = process.waitFor(Duration.ofMinutes(3));
            CliHarness.Result result = new CliHarness.Result(code, process.stdout(), process.stderr());
            assertThat(code).as(result.err()).isZero();
            return result;
        }
    }

    private static void insertProducts(StoreConfig config, long connection) throws Exception {
        String raw = "{\"description\":\"" + "A product description as shops write them. ".repeat(8) + "\"}";
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection db = DriverManager.getConnection(config.effectiveUrl(), config.user(),
                        config.password().reveal());
                PreparedStatement insert = db.prepareStatement("INSERT INTO product (connection_id, external_id, sku, "
                        + "name, product_type, status, price, currency, source_updated_at, content_hash, raw_json, "
                        + "synced_at) VALUES (?, ?, ?, ?, 'simple', 'publish', ?, 'EUR', ?, ?, ?, ?)")) {
            db.setAutoCommit(false);
            for (int i = 1; i <= PRODUCTS; i++) {
                insert.setLong(1, connection);
                insert.setString(2, String.format("%07d", i));
                insert.setString(3, "SKU-" + i);
                insert.setString(4, "Produit n° " + i + " – édition spéciale");
                insert.setBigDecimal(5, new java.math.BigDecimal(i - 1).add(new java.math.BigDecimal("0.99")));
                insert.setTimestamp(6, Timestamp.from(base.plusSeconds(i)));
                insert.setString(7, "%064d".formatted(i));
                insert.setString(8, raw);
                insert.setTimestamp(9, Timestamp.from(base));
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
        }
    }
}
