package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code products} and {@code orders} for scripts and spreadsheets: JSON without a default limit, NDJSON, CSV with
 * the same values as the JSON, paging with --after to the last page without a record twice, and conflicting or
 * unknown formats refused in one sentence.
 */
class ExportFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void listingsForProgramsCarryEveryRecordInEachFormat(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(30).orders(25).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asText();
            assertThat(cli.run("sync", id, "--entity", "products").exitCode()).isZero();
            assertThat(cli.run("sync", id, "--entity", "orders").exitCode()).isZero();
            long products = cli.count("SELECT COUNT(*) FROM product");
            assertThat(products).isGreaterThan(20);

            assertThat(cli.run("products").out().lines().count()).as("a table: 20 rows and its header").isEqualTo(21);
            assertThat(cli.run("products", "--json").json()).as("JSON lists them all").hasSize((int) products);
            assertThat(cli.run("products", "--json", "--limit", "3").json()).hasSize(3);

            List<String> ndjson = cli.run("products", "--format", "ndjson").out().lines().toList();
            assertThat(ndjson).hasSize((int) products);
            assertThat(JSON.readTree(ndjson.get(0)).has("externalId")).isTrue();

            JsonNode orders = cli.run("orders", "--json").json();
            List<String> csv = cli.run("orders", "--format", "csv").out().lines().toList();
            assertThat(csv).hasSize(orders.size() + 1);
            List<String> header = List.of(csv.get(0).split(","));
            assertThat(header).contains("number", "status", "total", "refundedTotal", "netTotal", "linesCount")
                    .doesNotContain("lines");
            List<String> firstRow = List.of(csv.get(1).split(",", -1));
            JsonNode firstOrder = orders.get(0);
            assertThat(firstRow.get(header.indexOf("number"))).isEqualTo(firstOrder.get("number").asText());
            assertThat(firstRow.get(header.indexOf("total"))).isEqualTo(firstOrder.get("total").asText());
            assertThat(firstRow.get(header.indexOf("linesCount")))
                    .isEqualTo(Integer.toString(firstOrder.get("lines").size()));

            // page through with --after: every product once, then "Last page."
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = "start";
            for (int pages = 0; cursor != null; pages++) {
                assertThat(pages).as("pages of 7 end").isLessThan(20);
                CliHarness.Result page = cli.run("products", "--after", cursor, "--limit", "7", "--json");
                for (JsonNode product : page.json()) {
                    assertThat(seen.add(product.get("externalId").asText())).isTrue();
                    order.add(product.get("connectionId").asText() + "/" + product.get("externalId").asText());
                }
                String said = page.err().strip();
                cursor = said.equals("Last page.") ? null : said.substring("Next page: --after ".length());
            }
            assertThat(seen).hasSize((int) products);

            CliHarness.Result both = cli.run("products", "--json", "--format", "csv");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.all()).contains("--json and --format csv ask for two formats");
            CliHarness.Result unknown = cli.run("orders", "--format", "xml");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("Unknown --format 'xml'");
            assertThat(cli.run("products", "--after", "not-a-cursor").exitCode()).isEqualTo(2);
        }
    }
}
