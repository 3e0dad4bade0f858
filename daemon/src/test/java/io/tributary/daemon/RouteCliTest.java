package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.OrderLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CoopCycle through the CLI: verify, sync deliveries, refuse products, and a route from a WooCommerce shop that
 * posts its orders as deliveries exactly once, through a lost answer and a refusal.
 */
class RouteCliTest {
    private static final String DELIVERIES = "/api/deliveries";

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aWooCommerceShopForwardsItsOrdersToCoopCycleExactlyOnce(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(20).orders(30).seed(12).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(40).seed(12).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            String ccUrl = coopcycle.baseUrl().toString();
            String ccId = coopcycle.storeApp().clientId();
            String ccSecret = coopcycle.storeApp().clientSecret();
            List<CliHarness.Result> all = new ArrayList<>();

            CliHarness.Result before = run(all, cli, "connection", "verify", "--system", "coopcycle", "--url", ccUrl,
                    "--access-token", ccId, "--secret", ccSecret, "--json");
            assertThat(before.exitCode()).as(before.all()).isZero();
            assertThat(before.json().get("details").get("storeId").asText()).isEqualTo("1");
            assertThat(before.json().get("details").get("storeName").asText()).isEqualTo("Acme");
            CliHarness.Result wrong = run(all, cli, "connection", "verify", "--system", "coopcycle", "--url", ccUrl,
                    "--access-token", ccId, "--secret", "0".repeat(128));
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.out()).startsWith("FAILED BAD_CREDENTIALS (HTTP 401, ");

            long wooId = run(all, cli, "connection", "add", "--system", "woocommerce", "--name", "Acme shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            long ccConnection = run(all, cli, "connection", "add", "--system", "coopcycle", "--name", "Acme couriers",
                    "--url", ccUrl, "--access-token", ccId, "--secret", ccSecret, "--json").json().get("id").asLong();
            JsonNode shown = run(all, cli, "connection", "show", Long.toString(ccConnection), "--json").json();
            assertThat(shown.get("credentials").get("access-token").asText()).isEqualTo("****");
            assertThat(shown.get("credentials").get("secret").asText()).isEqualTo("****");

            CliHarness.Result products = run(all, cli, "sync", Long.toString(ccConnection), "--entity", "products");
            assertThat(products.exitCode()).isEqualTo(2);
            assertThat(products.err()).contains("CoopCycle connections do not provide products.");
            CliHarness.Result deliveries = run(all, cli, "sync", Long.toString(ccConnection), "--entity", "orders",
                    "--json");
            assertThat(deliveries.exitCode()).as(deliveries.all()).isZero();
            assertThat(deliveries.json().get("inserted").asLong()).isEqualTo(40);

            assertThat(run(all, cli, "sync", Long.toString(wooId), "--entity", "orders").exitCode()).isZero();
            CliHarness.Result toShop = run(all, cli, "route", "add", "--from", Long.toString(ccConnection), "--to",
                    Long.toString(wooId));
            assertThat(toShop.exitCode()).isEqualTo(2);
            assertThat(toShop.err()).contains("does not accept deliveries");
            JsonNode route = run(all, cli, "route", "add", "--from", Long.toString(wooId), "--to",
                    Long.toString(ccConnection), "--json").json();
            assertThat(route.get("whenStatus").asText()).isEqualTo("processing");
            String routeId = route.get("id").asText();

            shop.clock().advance(Duration.ofHours(1));
            int product = shop.productIds().get(0);
            int first = shop.addOrder(List.of(OrderLine.of(product, 2)), o -> o.status("processing"));
            int refused = shop.addOrder(List.of(OrderLine.of(product, 1)), o -> o.status("processing"));
            int pending = shop.addOrder(List.of(OrderLine.of(product, 1)), o -> o.status("pending"));
            int seeded = shop.orderIds().stream().filter(id -> !shop.order(id).get("status").asText()
                    .equals("processing")).findFirst().orElseThrow();
            shop.editOrder(seeded, o -> o.status("processing"));
            String badStreet = shop.order(refused).get("shipping").get("address_1").asText();
            for (int other : List.of(first, seeded)) {
                assertThat(shop.order(other).get("shipping").get("address_1").asText()).isNotEqualTo(badStreet);
            }
            coopcycle.rejectAddressesContaining(badStreet);
            // the first delivery is created, but its answer is lost on the way back
            coopcycle.faults().inject(Fault.dropMidBody(), 1, DELIVERIES);

            CliHarness.Result lost = run(all, cli, "sync", Long.toString(wooId), "--entity", "orders", "--json");
            assertThat(lost.exitCode()).as("a route that could not finish fails the command").isEqualTo(1);
            assertThat(lost.json().get("outcome").asText()).isEqualTo("SUCCEEDED");
            JsonNode lostRoute = lost.json().get("routes").get(0);
            assertThat(lostRoute.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(lostRoute.get("waiting").asLong()).isEqualTo(1);
            assertThat(lostRoute.get("posted").asLong()).isZero();

            CliHarness.Result retried = run(all, cli, "sync", Long.toString(wooId), "--entity", "orders", "--json");
            assertThat(retried.exitCode()).as(retried.all()).isZero();
            JsonNode routed = retried.json().get("routes").get(0);
            assertThat(routed.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(routed.get("reconciled").asLong()).as("the lost answer's delivery is found").isEqualTo(1);
            assertThat(routed.get("posted").asLong()).isEqualTo(1);
            assertThat(routed.get("refused").asLong()).isEqualTo(1);
            JsonNode refusal = routed.get("refusals").get(0);
            assertThat(refusal.get("orderExternalId").asText()).isEqualTo(Integer.toString(refused));
            assertThat(refusal.get("reason").asText()).isEqualTo("dropoff.address: The address could not be "
                    + "geocoded.");

            CliHarness.Result quiet = run(all, cli, "sync", Long.toString(wooId), "--entity", "orders");
            assertThat(quiet.exitCode()).isZero();
            assertThat(quiet.out()).contains("Route " + routeId + " to connection " + ccConnection + " SUCCEEDED: "
                    + "0 posted, 0 found already posted, 0 refused, 0 waiting.");

            JsonNode ledger = run(all, cli, "route", "show", routeId, "--json").json();
            assertThat(ledger.get("posted").asLong()).isEqualTo(2);
            assertThat(ledger.get("refused").asLong()).isEqualTo(1);
            assertThat(ledger.get("inFlight").asLong()).isZero();
            List<String> forwarded = new ArrayList<>();
            for (JsonNode delivery : ledger.get("deliveries")) {
                forwarded.add(delivery.get("orderExternalId").asText());
                if (delivery.get("state").asText().equals("POSTED")) {
                    List<JsonNode> inCoopCycle = coopcycle.deliveriesWithMetadata(FakeCoopCycle.STORE_ID,
                            "tributary_ref", delivery.get("reference").asText());
                    assertThat(inCoopCycle).as("exactly one delivery per order").hasSize(1);
                    assertThat(inCoopCycle.get(0).get("@id").asText()).isEqualTo(delivery.get("deliveryId").asText());
                    String number = shop.order(Integer.parseInt(delivery.get("orderExternalId").asText()))
                            .get("number").asText();
                    assertThat(inCoopCycle.get(0).get("pickup").get("comments").asText())
                            .startsWith("Order #" + number + " from Acme shop\n");
                }
            }
            assertThat(forwarded).containsExactlyInAnyOrder(Integer.toString(first), Integer.toString(refused),
                    Integer.toString(seeded)).doesNotContain(Integer.toString(pending));
            assertThat(coopcycle.requests().matching(DELIVERIES).stream().filter(r -> r.method().equals("POST")))
                    .as("one lost, one refused, one created: never a second post of the same order").hasSize(3);

            JsonNode runs = run(all, cli, "runs", "--connection", Long.toString(wooId), "--json").json();
            assertThat(runs.get(1).get("routes").get(0).get("refusals").get(0).get("reason").asText())
                    .contains("could not be geocoded");
            assertThat(run(all, cli, "runs", "--connection", Long.toString(wooId)).out())
                    .contains("refused order " + refused);
            assertThat(run(all, cli, "route", "list", "--json").json().get(0).get("posted").asLong()).isEqualTo(2);

            CliHarness.Result synced = run(all, cli, "sync", Long.toString(ccConnection), "--entity", "orders",
                    "--json");
            assertThat(synced.json().get("inserted").asLong()).as("the two new deliveries come back as orders")
                    .isEqualTo(2);
            JsonNode stored = run(all, cli, "orders", "--connection", Long.toString(ccConnection), "--status", "TODO",
                    "--limit", "100", "--json").json();
            assertThat(stored.findValuesAsText("total")).contains("6.90");

            assertThat(run(all, cli, "route", "remove", routeId).exitCode()).isZero();
            assertThat(run(all, cli, "route", "list", "--json").json()).isEmpty();

            StringBuilder everything = new StringBuilder();
            all.forEach(r -> everything.append(r.all()));
            assertThat(everything.toString()).doesNotContain(ccSecret).doesNotContain(ccId)
                    .doesNotContain(shop.consumerSecret()).doesNotContain(shop.consumerKey());
            coopcycle.issuedTokens().forEach(t -> assertThat(everything.toString()).doesNotContain(t));
        }
    }

    private static CliHarness.Result run(List<CliHarness.Result> all, CliHarness cli, String... args) {
        CliHarness.Result result = cli.run(args);
        all.add(result);
        return result;
    }
}
