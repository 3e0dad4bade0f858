package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code tributary order set-status} and {@code order show} through the real jar: written to the WooCommerce shop once, a repeat writes
 * nothing, a shop that refuses ends with its reason on stderr and exit 1, a system that takes no status (CoopCycle)
 * is refused in one sentence, a malformed id exits 2.
 */
class OrderStatusCliTest {
    private static final String READ_ONLY_KEY = "ck_" + "5".repeat(40);
    private static final String READ_ONLY_SECRET = "cs_" + "6".repeat(40);

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void setStatusWritesToTheShopOnceAndSaysWhyWhenRefused(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(5).seed(41).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(3).seed(41).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            shop.addKey(READ_ONLY_KEY, READ_ONLY_SECRET, KeyPermission.READ, true);
            String id = Long.toString(cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asLong());
            String readOnly = Long.toString(cli.run("connection", "add", "--system", "woocommerce", "--name",
                    "Read only", "--url", shop.siteUrl().toString(), "--access-token", READ_ONLY_KEY, "--secret",
                    READ_ONLY_SECRET, "--json").json().get("id").asLong());
            int order = shop.orderIds().get(0);
            shop.editOrder(order, edit -> edit.status("processing"));
            assertThat(cli.run("sync", id, "--entity", "orders").exitCode()).isZero();
            assertThat(cli.run("sync", readOnly, "--entity", "orders").exitCode()).isZero();

            CliHarness.Result set = cli.run("order", "set-status", id + ":" + order, "on-hold");
            assertThat(set.exitCode()).as(set.all()).isZero();
            assertThat(set.out()).isEqualTo("Order " + id + ":" + order + " now has status on-hold, written to its "
                    + "shop (HTTP 200).\n");
            assertThat(shop.order(order).get("status").asText()).isEqualTo("on-hold");

            CliHarness.Result again = cli.run("order", "set-status", id + ":" + order, "on-hold", "--json");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.json().get("status").asText()).isEqualTo("on-hold");
            assertThat(again.json().get("statusWrite").isNull()).isTrue();
            assertThat(shop.requests().all().stream().filter(r -> r.method().equals("PUT"))).hasSize(1);
            assertThat(cli.count("SELECT COUNT(*) FROM order_status_write WHERE outcome = 'WRITTEN'")).isEqualTo(1);

            CliHarness.Result refused = cli.run("order", "set-status", readOnly + ":" + order, "cancelled");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).contains("WooCommerce did not take status cancelled for order " + order
                    + ", so it stays processing here: The consumer key may only read")
                    .doesNotContain(READ_ONLY_SECRET).doesNotContain(READ_ONLY_KEY);
            JsonNode stored = CliHarness.withExternalId(cli.run("orders", "--connection", readOnly, "--json").json(),
                    order);
            assertThat(stored.get("status").asText()).isEqualTo("processing");

            CliHarness.Result shown = cli.run("order", "show", readOnly + ":" + order);
            assertThat(shown.exitCode()).as(shown.all()).isZero();
            assertThat(shown.out()).contains("processing", "REFUSED", "cancelled", "ASKED").doesNotContain(
                    READ_ONLY_SECRET);
            JsonNode shownJson = cli.run("order", "show", id + ":" + order, "--json").json();
            assertThat(shownJson.get("status").asText()).isEqualTo("on-hold");
            assertThat(shownJson.get("lines").size()).isPositive();
            assertThat(shownJson.get("statusWrites")).singleElement().satisfies(w -> {
                assertThat(w.get("outcome").asText()).isEqualTo("WRITTEN");
                assertThat(w.get("toStatus").asText()).isEqualTo("on-hold");
                assertThat(w.get("requestedBy").asText()).isEqualTo("cli");
            });
            CliHarness.Result missing = cli.run("order", "show", id + ":999999");
            assertThat(missing.exitCode()).as(missing.all()).isEqualTo(2);
            assertThat(missing.err()).contains("There is no order " + id + ":999999.");

            String couriers = Long.toString(cli.run("connection", "add", "--system", "coopcycle", "--name",
                    "Couriers", "--url", coopcycle.baseUrl().toString(), "--access-token",
                    coopcycle.storeApp().clientId(), "--secret", coopcycle.storeApp().clientSecret(), "--json")
                    .json().get("id").asLong());
            assertThat(cli.run("sync", couriers, "--entity", "orders").exitCode()).isZero();
            JsonNode delivery = cli.run("orders", "--connection", couriers, "--json").json().get(0);
            CliHarness.Result notHere = cli.run("order", "set-status", couriers + ":"
                    + delivery.get("externalId").asText(), "cancelled");
            assertThat(notHere.exitCode()).as(notHere.all()).isEqualTo(1);
            assertThat(notHere.err()).contains("CoopCycle orders cannot be changed from Tributary: change the status "
                    + "in CoopCycle, and the next sync brings it here.");

            CliHarness.Result malformed = cli.run("order", "set-status", Integer.toString(order), "completed");
            assertThat(malformed.exitCode()).as(malformed.all()).isEqualTo(2);
            assertThat(malformed.err()).contains("is not an order id: give CONNECTION:EXTERNAL_ID");
            CliHarness.Result unknown = cli.run("order", "set-status", id + ":999999", "completed");
            assertThat(unknown.exitCode()).as(unknown.all()).isEqualTo(2);
            assertThat(unknown.err()).contains("There is no order " + id + ":999999.");
        }
    }
}
