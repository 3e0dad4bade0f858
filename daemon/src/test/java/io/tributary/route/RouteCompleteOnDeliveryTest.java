package io.tributary.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.record.RecordQueries;
import io.tributary.run.SyncRun;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import io.tributary.testkit.woocommerce.OrderLine;
import io.tributary.writeback.StatusWrite;
import io.tributary.writeback.OrderStatusChanges;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code route add --complete-on-delivery} end to end, WooCommerce fake → central store → CoopCycle fake and back:
 * the courier's orders sync that sees a delivery DONE completes the shop's order once, and a shop that refuses
 * the change (a read-only key) leaves the order as it was, with the reason in the route's ledger.
 */
class RouteCompleteOnDeliveryTest {
    private static final String READ_ONLY_KEY = "ck_" + "0".repeat(40);
    private static final String READ_ONLY_SECRET = "cs_" + "1".repeat(40);

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aDeliveredDeliveryCompletesItsShopOrderOnce(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
                FakeWooCommerce shop = FakeWooCommerce.builder().products(5).orders(3).seed(41).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(2).seed(41).start()) {
            World world = new World(database.store(), http, shop, coopcycle, shop.consumerKey(),
                    shop.consumerSecret());
            Route route = world.routes.add(new RouteDraft(world.wooId, world.ccId, null, null, null, false,
                    "completed"));
            int order = shop.addOrder(List.of(OrderLine.of(shop.productIds().get(0), 2)),
                    o -> o.status("processing"));
            String id = Integer.toString(order);
            world.sync(world.wooId);
            long delivery = world.deliveryOf(route, id);

            world.sync(world.ccId);
            assertThat(world.puts()).as("not delivered yet: the shop is not asked").isEmpty();
            assertThat(world.ledger(route).completedAt()).isNull();

            coopcycle.complete(delivery);
            world.sync(world.ccId);

            assertThat(shop.order(order).get("status").asText()).isEqualTo("completed");
            assertThat(world.puts()).containsExactly("{\"status\":\"completed\"}");
            assertThat(world.queries.order(null, world.wooId, id).orElseThrow().status()).isEqualTo("completed");
            RouteDelivery handled = world.ledger(route);
            assertThat(handled.completedAt()).isNotNull();
            assertThat(handled.completion()).isEqualTo("Delivered: the order was set to completed.");
            assertThat(world.changes.writes(world.wooId, id))
                    .singleElement().satisfies(write -> {
                        assertThat(write.outcome()).isEqualTo(StatusWrite.Outcome.WRITTEN);
                        assertThat(write.requestedBy()).isEqualTo("route " + route.id());
                    });

            world.sync(world.ccId);
            assertThat(world.puts()).as("handled once: the next courier sync asks the shop nothing").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aShopThatRefusesKeepsItsStatusAndTheRouteSaysWhy(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
                FakeWooCommerce shop = FakeWooCommerce.builder().products(5).orders(3).seed(41).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(2).seed(42).start()) {
            shop.addKey(READ_ONLY_KEY, READ_ONLY_SECRET, KeyPermission.READ, true);
            World world = new World(database.store(), http, shop, coopcycle, READ_ONLY_KEY, READ_ONLY_SECRET);
            Route route = world.routes.add(new RouteDraft(world.wooId, world.ccId, null, null, null, false,
                    "completed"));
            int order = shop.addOrder(List.of(OrderLine.of(shop.productIds().get(0), 1)),
                    o -> o.status("processing"));
            String id = Integer.toString(order);
            world.sync(world.wooId);
            coopcycle.complete(world.deliveryOf(route, id));

            world.sync(world.ccId);

            assertThat(shop.order(order).get("status").asText()).isEqualTo("processing");
            assertThat(world.queries.order(null, world.wooId, id).orElseThrow().status()).isEqualTo("processing");
            RouteDelivery handled = world.ledger(route);
            assertThat(handled.completedAt()).as("a refusal is an answer: not asked again").isNotNull();
            assertThat(handled.completion()).startsWith("WooCommerce did not take status completed for order "
                    + id + ", so it stays processing here:");
            world.sync(world.ccId);
            assertThat(world.puts()).hasSize(1);
        }
    }

    /** A WooCommerce and a CoopCycle connection on one central store, with the services a daemon would build. */
    private static final class World {
        final FakeWooCommerce shop;
        final FakeCoopCycle coopcycle;
        final ConnectionService connections;
        final RouteService routes;
        final SyncService syncs;
        final RecordQueries queries;
        final OrderStatusChanges changes;
        final long wooId;
        final long ccId;

        World(CentralStore store, HttpStack http, FakeWooCommerce shop, FakeCoopCycle coopcycle, String key,
                String secret) {
            this.shop = shop;
            this.coopcycle = coopcycle;
            Clock clock = Clock.systemUTC();
            ConnectorRegistry registry = ConnectorRegistry.load();
            ConnectorContext context = ConnectorContext.of(clock, http);
            connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("t")), clock,
                    ConnectionAddedHook.NONE);
            wooId = connections.add(new ConnectionDraft("woocommerce", "Acme shop", shop.siteUrl().toString(), null,
                    Map.of(CredentialField.ACCESS_TOKEN, key, CredentialField.SECRET, secret))).id();
            ccId = connections.add(new ConnectionDraft("coopcycle", "Acme couriers", coopcycle.baseUrl().toString(),
                    null, Map.of(CredentialField.ACCESS_TOKEN, coopcycle.apiKeyApp().apiKey()))).id();
            routes = new RouteService(store.dataSource(), connections, registry, context, clock);
            syncs = new SyncService(SyncEngine.builder(store, connections, registry, context).clock(clock).build(),
                    new RouteDispatcher(store.dataSource(), connections, registry, context, clock));
            queries = new RecordQueries(store.dataSource());
            changes = new OrderStatusChanges(store.dataSource(), connections, registry, context, clock);
            sync(wooId); // before the route: orders already stored are not forwarded
        }

        void sync(long connection) {
            SyncService.Result result = syncs.run(new SyncRequest(connection, EntityType.ORDERS,
                    SyncRun.Trigger.MANUAL, false), SyncListener.NONE);
            assertThat(result.succeeded()).as(String.valueOf(result)).isTrue();
        }

        long deliveryOf(Route route, String orderId) {
            RouteDelivery posted = ledger(route);
            assertThat(posted.orderExternalId()).isEqualTo(orderId);
            assertThat(posted.state()).isEqualTo(RouteDelivery.State.POSTED);
            return Long.parseLong(posted.deliveryId().substring(posted.deliveryId().lastIndexOf('/') + 1));
        }

        RouteDelivery ledger(Route route) {
            return routes.deliveries(route.id(), 10).stream().filter(d -> d.state() == RouteDelivery.State.POSTED)
                    .findFirst().orElseThrow();
        }

        /** The bodies of the PUTs the shop received: a status written back is one. */
        List<String> puts() {
            return shop.requests().all().stream().filter(r -> r.method().equals("PUT")).map(r -> r.bodyAsString())
                    .toList();
        }
    }
}
