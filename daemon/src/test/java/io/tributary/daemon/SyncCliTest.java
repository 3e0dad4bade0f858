package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A WooCommerce shop verified and synced end to end through the CLI, with exact data. */
class SyncCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void verifySyncAndListThroughTheCli(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(150).orders(120).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String url = shop.siteUrl().toString();
            String key = shop.consumerKey();
            String secret = shop.consumerSecret();

            CliHarness.Result before = cli.run("connection", "verify", "--system", "woocommerce", "--url", url,
                    "--access-token", key, "--secret", secret, "--json");
            assertThat(before.exitCode()).as(before.all()).isZero();
            assertThat(before.json().get("ok").asBoolean()).isTrue();
            assertThat(before.json().get("kind").asText()).isEqualTo("OK");
            assertThat(before.json().get("httpStatus").asInt()).isEqualTo(200);
            assertThat(before.json().get("latencyMs").asLong()).isNotNegative();
            assertThat(before.json().get("details").get("products").asText()).isEqualTo("150");
            assertThat(cli.run("connection", "list", "--json").json()).as("verify before saving saves nothing").isEmpty();

            CliHarness.Result wrong = cli.run("connection", "verify", "--system", "woocommerce", "--url", url,
                    "--access-token", key, "--secret", "cs_" + "0".repeat(40));
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.out()).startsWith("FAILED BAD_CREDENTIALS (HTTP 401, ");

            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Fake", "--url", url,
                    "--access-token", key, "--secret", secret, "--json").json().get("id").asLong();
            CliHarness.Result verified = cli.run("connection", "verify", Long.toString(id));
            assertThat(verified.exitCode()).as(verified.all()).isZero();
            assertThat(verified.out()).startsWith("OK (HTTP 200, ");

            CliHarness.Result products = cli.run("sync", Long.toString(id), "--entity", "products", "--json");
            assertThat(products.exitCode()).as(products.all()).isZero();
            JsonNode run = products.json();
            assertThat(run.get("runId").asLong()).isPositive();
            assertThat(run.get("connectionId").asLong()).isEqualTo(id);
            assertThat(run.get("entity").asText()).isEqualTo("products");
            assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
            assertThat(run.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.get("startedAt").asText()).endsWith("Z");
            assertThat(run.get("finishedAt").asText()).endsWith("Z");
            assertThat(run.get("read").asLong()).isEqualTo(run.get("inserted").asLong()).isGreaterThan(150);
            assertThat(run.get("updated").asLong()).isZero();
            assertThat(run.get("unchanged").asLong()).isZero();
            assertThat(run.get("error").isNull()).isTrue();
            assertThat(products.err()).contains("Syncing products of connection " + id).contains("read:");

            CliHarness.Result orders = cli.run("sync", Long.toString(id), "--entity", "orders");
            assertThat(orders.exitCode()).isZero();
            assertThat(orders.out()).contains("orders of connection " + id + " SUCCEEDED").contains("120 new");

            int orderId = shop.orderIds().get(0);
            JsonNode source = shop.order(orderId);
            JsonNode listed = cli.run("orders", "--connection", Long.toString(id), "--limit", "500", "--json").json();
            assertThat(listed).hasSize(120);
            JsonNode order = CliHarness.withExternalId(listed, orderId);
            assertThat(order).isNotNull();
            assertThat(order.get("total").isTextual()).as("money is a decimal string").isTrue();
            assertThat(order.get("total").asText()).isEqualTo(source.get("total").asText());
            assertThat(order.get("number").asText()).isEqualTo(source.get("number").asText());
            assertThat(order.get("customerEmail").asText()).isEqualTo(source.get("billing").get("email").asText());
            assertThat(order.get("lines")).hasSize(source.get("line_items").size());
            JsonNode line = order.get("lines").get(0);
            JsonNode sourceLine = source.get("line_items").get(0);
            assertThat(line.get("total").asText()).isEqualTo(sourceLine.get("total").asText());
            assertThat(new BigDecimal(line.get("quantity").asText())).isEqualByComparingTo(sourceLine.get("quantity").decimalValue());
            for (String field : new String[] {"connectionId", "externalId", "number", "status", "currency", "total",
                    "customerEmail", "createdAt", "updatedAt", "lines"}) {
                assertThat(order.has(field)).as(field).isTrue();
            }

            int productId = shop.productIds().stream().filter(p -> shop.product(p).get("type").asText().equals("simple"))
                    .filter(p -> !shop.product(p).get("sku").asText().isEmpty()).findFirst().orElseThrow();
            JsonNode product = cli.run("products", "--sku", shop.product(productId).get("sku").asText(), "--json")
                    .json().get(0);
            assertThat(product.get("externalId").asText()).isEqualTo(Integer.toString(productId));
            assertThat(product.get("price").asText()).isEqualTo(shop.product(productId).get("price").asText());
            assertThat(product.get("name").asText()).isEqualTo(shop.product(productId).get("name").asText());
            for (String field : new String[] {"connectionId", "externalId", "sku", "name", "type", "status", "price",
                    "currency", "stockQuantity", "updatedAt"}) {
                assertThat(product.has(field)).as(field).isTrue();
            }

            JsonNode runs = cli.run("runs", "--connection", Long.toString(id), "--json").json();
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).get("entity").asText()).isEqualTo("orders");
            assertThat(cli.run("runs", "--entity", "products", "--json").json()).hasSize(1);
            assertThat(cli.run("runs").out()).contains("SUCCEEDED");

            shop.faults().inject(io.tributary.testkit.http.Fault.malformedJson(), 1, "/wp-json/wc/v3/orders");
            CliHarness.Result failed = cli.run("sync", Long.toString(id), "--entity", "orders", "--json");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.json().get("outcome").asText()).isEqualTo("FAILED");
            assertThat(failed.json().get("error").asText()).contains("malformed JSON");
            shop.faults().clear();

            cli.run("connection", "disable", Long.toString(id));
            CliHarness.Result refused = cli.run("sync", Long.toString(id), "--entity", "orders");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("is disabled; enable it before syncing.");

            String everything = before.all() + verified.all() + products.all() + orders.all() + listed + runs
                    + failed.all() + refused.all();
            assertThat(everything).doesNotContain(key).doesNotContain(secret);
        }
    }
}
