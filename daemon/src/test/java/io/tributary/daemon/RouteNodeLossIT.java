package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.http.Fault;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node lost in the middle of a route run, on MariaDB: the process posting deliveries is killed with SIGKILL
 * after CoopCycle created a delivery and before its answer arrived. The next process's run closes the dead run
 * ABANDONED once its claim ran out, finds that delivery by its reference instead of posting it again, and posts
 * the orders the dead one never reached: one delivery per order.
 */
class RouteNodeLossIT {
    private static final String DELIVERIES = "/api/deliveries";

    @TempDir
    Path home;

    @Test
    void aNodeKilledBetweenPostAndAnswerIsTakenOverWithoutASecondDelivery() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.MARIADB, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(5).orders(6).seed(61).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(0).seed(61).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().put("TRIBUTARY_ROUTE_CLAIM", "PT3S");
            Map<String, String> environment = new HashMap<>(cli.environment());
            String woo = Long.toString(cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asLong());
            String courier = Long.toString(cli.run("connection", "add", "--system", "coopcycle", "--name",
                    "Couriers", "--url", coopcycle.baseUrl().toString(), "--access-token",
                    coopcycle.apiKeyApp().apiKey(), "--json").json().get("id").asLong());
            List<Integer> orders = shop.orderIds().subList(0, 3);
            for (int order : shop.orderIds()) {
                shop.editOrder(order, edit -> edit.status(orders.contains(order) ? "processing" : "completed"));
            }
            String route = Long.toString(cli.run("route", "add", "--from", woo, "--to", courier,
                    "--include-existing", "--json").json().get("id").asLong());
            // the first delivery is created at once; its answer would come a minute later
            coopcycle.faults().inject(Fault.latency(Duration.ofSeconds(60)), 1, DELIVERIES);

            try (TributaryProcess first = TributaryProcess.start(home, environment, "sync", woo, "--entity",
                    "orders")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> coopcycle.deliveryIds(FakeCoopCycle.STORE_ID)
                        .size() == 1);
                assertThat(first.alive()).as("still waiting for CoopCycle's answer").isTrue();
                first.kill();
            }
            assertThat(cli.count("SELECT COUNT(*) FROM route_run WHERE outcome = 'RUNNING'")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> cli.count("SELECT COUNT(*) FROM route_run WHERE "
                    + "outcome = 'RUNNING' AND started_at < UTC_TIMESTAMP(6) - INTERVAL 3 SECOND") == 1);

            CliHarness.Result second = cli.run("sync", woo, "--entity", "orders");
            assertThat(second.exitCode()).as(second.all()).isZero();

            assertThat(coopcycle.deliveryIds(FakeCoopCycle.STORE_ID)).as("one delivery per order").hasSize(3);
            assertThat(coopcycle.requests().matching(DELIVERIES).stream().filter(r -> r.method().equals("POST")))
                    .as("the delivery whose answer was lost is not posted again").hasSize(3);
            assertThat(cli.count("SELECT COUNT(*) FROM route_run WHERE outcome = 'ABANDONED'"))
                    .as("the dead run, closed").isEqualTo(1);
            assertThat(cli.run("route", "show", route).out()).contains("ABANDONED");
            assertThat(cli.count("SELECT COUNT(*) FROM route_delivery WHERE state = 'POSTED'")).isEqualTo(3);
            assertThat(cli.count("SELECT SUM(reconciled_count) FROM route_run WHERE outcome = 'SUCCEEDED'"))
                    .as("found by its reference").isEqualTo(1);
            assertThat(cli.count("SELECT SUM(posted_count) FROM route_run WHERE outcome = 'SUCCEEDED'"))
                    .isEqualTo(2);
        }
    }
}
