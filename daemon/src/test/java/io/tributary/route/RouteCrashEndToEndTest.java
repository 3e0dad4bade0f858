package io.tributary.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
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
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.OrderLine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The route end to end, WooCommerce fake → central store → CoopCycle fake, with the process dying after CoopCycle
 * created the delivery and before Tributary committed its id: the next run finds it and never posts it again.
 */
class RouteCrashEndToEndTest {
    /** The process dying, seen from inside the dispatcher: an Error, which nothing there catches. */
    private static final class Crash extends Error {
        Crash() {
            super("simulated crash between the POST and the commit of the delivery's id");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aCrashBetweenPostAndRecordLeavesExactlyOneDelivery(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
                FakeWooCommerce shop = FakeWooCommerce.builder().products(10).orders(15).seed(21).start();
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(8).seed(21).start()) {
            CentralStore store = database.store();
            Clock clock = Clock.systemUTC();
            ConnectorRegistry registry = ConnectorRegistry.load();
            ConnectorContext context = ConnectorContext.of(clock, http);
            ConnectionService connections = new ConnectionService(store, registry,
                    new SecretCipher(MasterKey.generate("t")), clock, ConnectionAddedHook.NONE);
            SyncEngine engine = SyncEngine.builder(store, connections, registry, context).clock(clock).build();
            long wooId = connections.add(new ConnectionDraft("woocommerce", "Acme shop", shop.siteUrl().toString(),
                    null, Map.of(CredentialField.ACCESS_TOKEN, shop.consumerKey(), CredentialField.SECRET,
                            shop.consumerSecret()))).id();
            long ccId = connections.add(new ConnectionDraft("coopcycle", "Acme couriers",
                    coopcycle.baseUrl().toString(), null, Map.of(CredentialField.ACCESS_TOKEN,
                            coopcycle.apiKeyApp().apiKey()))).id();
            sync(engine, wooId); // before the route: orders already in the status are not forwarded
            Route route = new RouteService(store.dataSource(), connections, registry, context, clock)
                    .add(new RouteDraft(wooId, ccId, null, null, null, false));
            int order = shop.addOrder(List.of(OrderLine.of(shop.productIds().get(0), 3)), o -> o.status("processing"));
            String reference = route.referenceFor(Integer.toString(order));

            RouteDispatcher crashing = new RouteDispatcher(store.dataSource(), connections, registry, context, clock,
                    (r, orderId, receipt) -> {
                        throw new Crash();
                    });
            SyncRun first = sync(engine, wooId);
            assertThatThrownBy(() -> crashing.afterOrdersSync(first)).isInstanceOf(Crash.class);
            assertThat(coopcycle.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref", reference))
                    .as("CoopCycle has the delivery; Tributary has only its intent").hasSize(1);

            Clock later = Clock.offset(clock, RouteDispatcher.CLAIM.plusSeconds(1));
            RouteDispatcher restarted = new RouteDispatcher(store.dataSource(), connections, registry,
                    ConnectorContext.of(later, http), later);
            List<RouteRun> runs = restarted.afterOrdersSync(sync(engine, wooId));

            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.outcome()).as(run.error()).isEqualTo(RouteRun.Outcome.SUCCEEDED);
                assertThat(run.reconciled()).isEqualTo(1);
                assertThat(run.posted()).isZero();
            });
            List<JsonNode> delivered = coopcycle.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref",
                    reference);
            assertThat(delivered).as("exactly one delivery for the order").hasSize(1);
            assertThat(coopcycle.requests().matching("/api/deliveries").stream()
                    .filter(r -> r.method().equals("POST"))).hasSize(1);
            RouteDelivery remembered = new RouteService(store.dataSource(), connections, registry, context, clock)
                    .deliveries(route.id(), 10).get(0);
            assertThat(remembered.state()).isEqualTo(RouteDelivery.State.POSTED);
            assertThat(remembered.deliveryId()).isEqualTo(delivered.get(0).get("@id").asText());
            assertThat(new RouteRuns(store.dataSource()).ofRoute(route.id(), 5)).extracting(RouteRun::outcome)
                    .containsExactly(RouteRun.Outcome.SUCCEEDED, RouteRun.Outcome.ABANDONED);
        }
    }

    private static SyncRun sync(SyncEngine engine, long connection) {
        SyncRun run = engine.run(new SyncRequest(connection, EntityType.ORDERS, SyncRun.Trigger.MANUAL, false),
                SyncListener.NONE);
        assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        return run;
    }
}
