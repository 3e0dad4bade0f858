package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theDemoSyncsASampleShopAndCanRunAgain(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result first = cli.run("demo", "--products", "300", "--orders", "250");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.out()).contains("3. Verified: OK")
                    .containsPattern("products of connection \\d+ SUCCEEDED .*\\(\\d+ read, \\d+ new")
                    .contains("orders of connection 1 SUCCEEDED").contains("(250 read, 250 new, 0 changed")
                    .contains("3 changed").contains("2 new, 5 changed")
                    .contains("252 orders with");
            assertThat(first.out()).as("the newest records, shown as the listings show them")
                    .contains(cli.run("products", "--connection", "1", "--limit", "5").out())
                    .contains(cli.run("orders", "--connection", "1", "--limit", "5").out());

            CliHarness.Result second = cli.run("demo", "--products", "300", "--orders", "250");
            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(second.out()).contains("Registered it as connection 1 ");
            assertThat(cli.run("connection", "list", "--json").json()).hasSize(1);

            CliHarness.Result json = cli.run("demo", "--products", "300", "--orders", "250", "--json");
            assertThat(json.exitCode()).as(json.all()).isZero();
            assertThat(json.json().get("connectionId").asLong()).isEqualTo(1);
            assertThat(json.json().get("verification").asText()).isEqualTo("OK");
            assertThat(json.json().get("runs")).hasSize(4);
            assertThat(json.json().get("orders").asLong()).isGreaterThanOrEqualTo(252);
            assertThat(json.err()).as("the steps go to stderr").contains("3. Verified: OK");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theShopifyDemoSyncsInFullThroughABulkOperationThenIncrementally(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result run = cli.run("demo", "--system", "shopify", "--products", "60", "--orders", "80");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("1. Started a sample Shopify shop at http://")
                    .contains("Admin API access token stored encrypted")
                    .contains("3. Verified: OK").contains("Connected to Shopify shop Café Lumière")
                    .contains("(60 products, 80 orders)")
                    .contains("orders of connection 1 SUCCEEDED").contains("(80 read, 80 new, 0 changed")
                    .contains("5. Changed the shop: 3 new prices, 5 order statuses.")
                    .contains("(9 read, 0 new, 6 changed, 3 unchanged)")
                    .contains("(5 read, 0 new, 5 changed, 0 unchanged)")
                    .contains("80 orders with");
            assertThat(cli.run("connection", "list", "--system", "shopify", "--json").json()).hasSize(1);
            assertThat(cli.run("demo", "--system", "magento").exitCode()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void bothDemosRunOneAfterTheOtherInOneDatabase(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result woo = cli.run("demo", "--products", "50", "--orders", "40");
            assertThat(woo.exitCode()).as(woo.all()).isZero();

            CliHarness.Result shopify = cli.run("demo", "--system", "shopify", "--products", "30", "--orders", "20");

            assertThat(shopify.exitCode()).as(shopify.all()).isZero();
            assertThat(shopify.out()).contains("(demo-shop-shopify, store demo").contains("3. Verified: OK");
            assertThat(cli.run("connection", "list", "--json").json()).extracting(c -> c.get("name").asText())
                    .containsExactlyInAnyOrder("demo-shop", "demo-shop-shopify");
        }
    }
}
