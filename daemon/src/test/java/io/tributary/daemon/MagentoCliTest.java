package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.magento.FakeMagento;
import io.tributary.testkit.magento.MagentoIntegration;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Magento shop verified and synced through the CLI in all three credential modes, with exact data. */
class MagentoCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void everyCredentialModeVerifiesAndSyncsExactly(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeMagento shop = FakeMagento.builder().products(40).orders(35).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String url = shop.apiUrl("default").toString();
            MagentoIntegration keys = shop.integration();
            List<CliHarness.Result> all = new ArrayList<>();

            CliHarness.Result before = cli.run("connection", "verify", "--system", "magento", "--url", url,
                    "--access-token", keys.accessToken(), "--secret", keys.accessTokenSecret(),
                    "--credential", "consumer-key=" + keys.consumerKey(),
                    "--credential", "consumer-secret=" + keys.consumerSecret(), "--json");
            all.add(before);
            assertThat(before.exitCode()).as(before.all()).isZero();
            assertThat(before.json().get("kind").asText()).isEqualTo("OK");
            assertThat(before.json().get("details").get("authMode").asText()).isEqualTo("integration");
            assertThat(before.json().get("details").get("baseCurrency").asText()).isEqualTo("EUR");
            assertThat(before.json().get("details").get("storeCode").asText()).isEqualTo("default");

            long integration = add(cli, all, "oauth", url, "--access-token", keys.accessToken(), "--secret",
                    keys.accessTokenSecret(), "--credential", "consumer-key=" + keys.consumerKey(),
                    "--credential", "consumer-secret=" + keys.consumerSecret());
            long admin = add(cli, all, "admin", url, "--access-token", shop.adminUsername(), "--secret",
                    shop.adminPassword());
            long bearer = add(cli, all, "bearer", url, "--access-token", keys.accessToken(), "--credential",
                    "auth-mode=bearer");

            CliHarness.Result bearerOff = cli.run("connection", "verify", Long.toString(bearer));
            all.add(bearerOff);
            assertThat(bearerOff.exitCode()).isEqualTo(1);
            assertThat(bearerOff.out()).startsWith("FAILED BAD_CREDENTIALS (HTTP 401, ")
                    .contains("Magento answers this for three causes");
            shop.bearerIntegrationTokens(true);

            for (long id : new long[] {integration, admin, bearer}) {
                CliHarness.Result verified = cli.run("connection", "verify", Long.toString(id));
                all.add(verified);
                assertThat(verified.exitCode()).as(verified.all()).isZero();
                assertThat(verified.out()).startsWith("OK (HTTP 200, ").contains("Connected to Magento store view "
                        + "Café Lumière (default, EUR, Europe/Paris)");
                for (String entity : new String[] {"products", "orders"}) {
                    CliHarness.Result synced = cli.run("sync", Long.toString(id), "--entity", entity, "--json");
                    all.add(synced);
                    assertThat(synced.exitCode()).as(synced.all()).isZero();
                    assertThat(synced.json().get("outcome").asText()).isEqualTo("SUCCEEDED");
                    int expected = entity.equals("products") ? shop.productIds().size() : 35;
                    assertThat(synced.json().get("inserted").asLong()).isEqualTo(expected);
                }
            }

            int orderId = shop.orderIds().get(7);
            JsonNode source = shop.order(orderId);
            JsonNode listed = cli.run("orders", "--connection", Long.toString(admin), "--limit", "100", "--json").json();
            assertThat(listed).hasSize(35);
            JsonNode order = CliHarness.withExternalId(listed, orderId);
            assertThat(order).isNotNull();
            assertThat(new BigDecimal(order.get("total").asText())).isEqualByComparingTo(source.get("grand_total").decimalValue());
            assertThat(order.get("total").isTextual()).as("money is a decimal string").isTrue();
            assertThat(order.get("number").asText()).isEqualTo(source.get("increment_id").asText());
            assertThat(order.get("status").asText()).isEqualTo(source.get("status").asText());
            assertThat(order.get("customerEmail").asText()).isEqualTo(source.get("customer_email").asText());
            assertThat(order.get("createdAt").asText()).isEqualTo(source.get("created_at").asText().replace(' ', 'T') + "Z");
            long topLevel = 0;
            for (JsonNode item : source.get("items")) {
                topLevel += item.has("parent_item_id") ? 0 : 1;
            }
            assertThat(order.get("lines")).hasSize((int) topLevel);

            int productId = shop.productIds().stream().filter(p -> shop.product(p).get("type_id").asText().equals("simple"))
                    .findFirst().orElseThrow();
            JsonNode product = cli.run("products", "--connection", Long.toString(integration), "--sku",
                    shop.product(productId).get("sku").asText(), "--json").json().get(0);
            assertThat(product.get("externalId").asText()).isEqualTo(Integer.toString(productId));
            assertThat(new BigDecimal(product.get("price").asText()))
                    .isEqualByComparingTo(shop.product(productId).get("price").decimalValue());
            assertThat(product.get("name").asText()).isEqualTo(shop.product(productId).get("name").asText());
            assertThat(product.get("currency").asText()).isEqualTo("EUR");

            CliHarness.Result shown = cli.run("connection", "show", Long.toString(integration), "--json");
            all.add(shown);
            assertThat(shown.json().get("credentials").get("consumer-secret").asText()).isEqualTo("****");
            assertThat(shown.json().get("credentials").get("auth-mode")).isNull();

            String everything = String.join("\n", all.stream().map(CliHarness.Result::all).toList());
            for (String secret : new String[] {keys.consumerSecret(), keys.accessToken(), keys.accessTokenSecret(),
                    shop.adminPassword()}) {
                assertThat(everything).doesNotContain(secret);
            }
        }
    }

    private static long add(CliHarness cli, List<CliHarness.Result> all, String name, String url, String... credentials) {
        List<String> args = new ArrayList<>(List.of("connection", "add", "--system", "magento", "--name", name, "--url",
                url, "--json"));
        args.addAll(List.of(credentials));
        CliHarness.Result added = cli.run(args.toArray(String[]::new));
        all.add(added);
        assertThat(added.exitCode()).as(added.all()).isZero();
        return added.json().get("id").asLong();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void addListsEveryProblemOffline(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            CliHarness.Result invalid = cli.run("connection", "add", "--system", "magento", "--name", "m", "--url",
                    "https://shop.example/", "--access-token", "short", "--credential", "auth-mode=integration", "--json");
            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.json().get("problems")).extracting(p -> p.get("field").asText())
                    .containsExactlyInAnyOrder("url", "secret", "consumer-key", "consumer-secret", "access-token");
            assertThat(invalid.err()).contains("append /rest/V1");
        }
    }
}
