package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.magento.FakeMagento;
import io.tributary.testkit.magento.MagentoIntegration;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tributary sync ID --entity customers from a WooCommerce shop and from a Magento shop, and the customers it brings. */
class CustomerSyncCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void customersAreSyncedFromWooCommerceAndOneWithoutOrdersIsListed(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(5).orders(30).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String id = Long.toString(cli.run("connection", "add", "--system", "woocommerce", "--name", "Fake",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asLong());

            assertCustomersScheduledAndSynced(cli, id, shop.customerIds().size());
            int registered = shop.customerIds().stream()
                    .filter(c -> shop.customer(c).get("email").asText().equals("registered.only1@example.org"))
                    .findFirst().orElseThrow();
            String customerId = assertListedWithoutOrders(cli, "registered.only1@example.org", id, registered);
            assertThat(cli.run("customer", "show", customerId).out()).contains("Source records:");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void customersAreSyncedFromMagentoIncrementallyAndOneWithoutOrdersIsListed(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeMagento shop = FakeMagento.builder().products(5).orders(30).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            MagentoIntegration keys = shop.integration();
            String id = Long.toString(cli.run("connection", "add", "--system", "magento", "--name", "Fake", "--url",
                    shop.apiUrl().toString(), "--access-token", keys.accessToken(), "--secret",
                    keys.accessTokenSecret(), "--credential", "consumer-key=" + keys.consumerKey(), "--credential",
                    "consumer-secret=" + keys.consumerSecret(), "--json").json().get("id").asLong());

            assertThat(cli.run("schedule", "list", "--connection", id, "--json").json())
                    .as("products and orders (sync, reconcile), customers (sync only)").hasSize(5);
            assertCustomersScheduledAndSynced(cli, id, shop.customerIds().size());
            int registered = shop.customerIds().stream()
                    .filter(c -> shop.customer(c).get("email").asText().equals("registered.only2@example.org"))
                    .findFirst().orElseThrow();
            String customerId = assertListedWithoutOrders(cli, "registered.only2@example.org", id, registered);

            // the next sync reads only what changed: the edited account (and what the lookback brings back)
            shop.clock().advance(java.time.Duration.ofHours(1));
            shop.editCustomer(registered, e -> e.name("Regine", "Onlyone"));
            CliHarness.Result again = cli.run("sync", id, "--entity", "customers", "--json");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.json().get("updated").asLong()).isEqualTo(1);
            assertThat(again.json().get("inserted").asLong()).isZero();
            assertThat(again.json().get("read").asLong()).isLessThan(shop.customerIds().size());
            assertThat(cli.run("customer", "show", customerId).out())
                    .contains("Source records:").contains("Regine Onlyone");
        }
    }

    /** The connection has an inactive daily customers sync (no reconcile); orders then customers sync, all new. */
    private static void assertCustomersScheduledAndSynced(CliHarness cli, String id, int accounts) {
        JsonNode schedules = cli.run("schedule", "list", "--connection", id, "--json").json();
        assertThat(schedules).as("an inactive daily customers schedule, and no customers reconcile")
                .filteredOn(s -> s.get("entity").asText().equals("customers")).singleElement().satisfies(s -> {
                    assertThat(s.get("kind").asText()).isEqualTo("sync");
                    assertThat(s.get("frequency").asText()).isEqualToIgnoringCase("daily");
                    assertThat(s.get("active").asBoolean()).isFalse();
                });
        assertThat(cli.run("sync", id, "--entity", "orders").exitCode()).isZero();
        CliHarness.Result customers = cli.run("sync", id, "--entity", "customers", "--json");
        assertThat(customers.exitCode()).as(customers.all()).isZero();
        assertThat(customers.json().get("entity").asText()).isEqualTo("customers");
        assertThat(customers.json().get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(customers.json().get("inserted").asLong()).isEqualTo(accounts);
    }

    /** The customer of {@code email} is listed with no orders and shows its one account; returns its id. */
    private static String assertListedWithoutOrders(CliHarness cli, String email, String connectionId, int account) {
        JsonNode listed = cli.run("customers", "--email", email, "--json").json();
        assertThat(listed).singleElement().satisfies(c -> assertThat(c.get("orderCount").asLong()).isZero());
        String customerId = listed.get(0).get("id").asText();
        JsonNode shown = cli.run("customer", "show", customerId, "--json").json();
        assertThat(shown.get("orders")).isEmpty();
        assertThat(shown.get("sources")).singleElement().satisfies(s -> {
            assertThat(s.get("connectionId").asText()).isEqualTo(connectionId);
            assertThat(s.get("externalId").asText()).isEqualTo(Integer.toString(account));
        });
        return customerId;
    }
}
