package io.tributary.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.tributary.spi.OrderRecord;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.ScriptedCourierProvider;
import io.tributary.testing.ScriptedShopProvider;
import io.tributary.testing.TestDatabase;
import io.tributary.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Routes over the scripted shop and courier: exactly once through crashes, lost answers and refusals. */
class RouteDispatcherTest {
    /** A shop connection, a courier connection, a route between them, and the engine that syncs the shop. */
    private static final class Fixture implements AutoCloseable {
        final TestDatabase database;
        final CentralStore store;
        final HttpStack http = HttpStack.create(HttpPolicy.defaults());
        final ConnectorRegistry registry = ConnectorRegistry.of(List.of(new ScriptedShopProvider(),
                new ScriptedCourierProvider()));
        final ConnectionService connections;
        final SyncEngine engine;
        final ScriptedConnectorProvider.Source shop;
        final ScriptedCourierProvider.Courier courier;
        final long shopId;
        final long courierId;
        final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-05-18T10:00:00Z"));

        Fixture(TestDatabase.Backend backend) {
            database = TestDatabase.create(backend);
            store = database.store();
            connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("t")), clock,
                    ConnectionAddedHook.NONE);
            String shopHost = "shop-" + UUID.randomUUID() + ".example";
            String courierHost = "courier-" + UUID.randomUUID() + ".example";
            shopId = connections.add(new ConnectionDraft("scripted-shop", "Acme shop", "https://" + shopHost + "/",
                    null, Map.of(CredentialField.ACCESS_TOKEN, "shop-token"))).id();
            courierId = connections.add(new ConnectionDraft("scripted-courier", "Courier",
                    "https://" + courierHost + "/", null, Map.of(CredentialField.ACCESS_TOKEN, "courier-key"))).id();
            shop = ScriptedConnectorProvider.source(shopHost);
            courier = ScriptedCourierProvider.courier(courierHost);
            engine = SyncEngine.builder(store, connections, registry, context()).clock(clock).build();
        }

        ConnectorContext context() {
            return ConnectorContext.of(clock, http);
        }

        RouteService routes() {
            return new RouteService(store.dataSource(), connections, registry, context(), clock);
        }

        RouteDispatcher dispatcher(DispatchHook hook) {
            return new RouteDispatcher(store.dataSource(), connections, registry, context(), clock, hook);
        }

        /** Adds or replaces an order at the shop, modified now. */
        void order(String id, String status, String street) {
            clock.advance(Duration.ofSeconds(1));
            shop.orders.removeIf(o -> o.externalId().equals(id));
            String raw = "{\"id\":\"" + id + "\",\"status\":\"" + status + "\""
                    + (street == null ? "" : ",\"street\":\"" + street + "\"") + ",\"name\":\"Ana López\"}";
            shop.orders.add(new OrderRecord(id, "N" + id, status, "EUR", new BigDecimal("12.50"), null, null, null,
                    null, "Ana López", clock.instant(), clock.instant(), List.of(), raw));
        }

        /** Syncs the shop's orders through the sync service, which runs its routes, as the CLI and scheduler do. */
        List<RouteRun> syncAndRoute(RouteDispatcher dispatcher) {
            clock.advance(Duration.ofSeconds(1));
            io.tributary.sync.SyncService.Result result = new io.tributary.sync.SyncService(engine, dispatcher)
                    .run(new SyncRequest(shopId, EntityType.ORDERS, SyncRun.Trigger.MANUAL, false), SyncListener.NONE);
            assertThat(result.run().outcome()).as(result.run().errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            return result.routes();
        }

        @Override
        public void close() {
            http.close();
            database.close();
        }
    }


    /** The process dying: an Error, which nothing in the dispatcher catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String order) {
            super("simulated crash after posting order " + order);
        }
    }

    private static RouteRun only(List<RouteRun> runs) {
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void postsEachQualifyingOrderOnceAndRecordsWhatItCannotSend(TestDatabase.Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.order("1", "processing", "48 Rue de Rivoli");
            f.order("2", "completed", "1 Rue de la Paix");
            f.order("3", "processing", null);
            f.order("4", "processing", "12 Nowhere Street");
            Route route = f.routes().add(new RouteDraft(f.shopId, f.courierId, null, 30, 45, true));
            RouteDispatcher dispatcher = f.dispatcher(DispatchHook.NONE);

            RouteRun first = only(f.syncAndRoute(dispatcher));

            assertThat(first.outcome()).as(first.error()).isEqualTo(RouteRun.Outcome.SUCCEEDED);
            assertThat(first.posted()).isEqualTo(1);
            assertThat(first.refused()).isEqualTo(2);
            assertThat(first.refusals()).extracting(RouteRun.Refusal::orderExternalId).containsExactly("3", "4");
            assertThat(first.refusals().get(0).reason()).isEqualTo("Not sent: order 3 has no shipping address.");
            assertThat(first.refusals().get(1).reason()).isEqualTo("dropoff.address: Address could not be geocoded.");
            assertThat(f.courier.deliveries).hasSize(1);
            var delivery = f.courier.deliveries.get(0);
            assertThat(delivery.reference()).isEqualTo(route.referenceFor("1"));
            assertThat(delivery.orderNumber()).isEqualTo("N1");
            assertThat(delivery.origin()).isEqualTo("Acme shop");
            assertThat(delivery.dropoff().after()).isEqualTo(Instant.parse("2024-05-18T10:31:00Z"));
            assertThat(delivery.dropoff().before()).isEqualTo(Instant.parse("2024-05-18T11:16:00Z"));
            assertThat(delivery.pickup().before()).isEqualTo(delivery.dropoff().after());
            assertThat(first.syncRunId()).isNotNull();
            assertThat(new RouteRuns(f.store.dataSource()).forSyncRuns(List.of(first.syncRunId())))
                    .containsOnlyKeys(first.syncRunId());

            RouteRun again = only(f.syncAndRoute(dispatcher));
            assertThat(again.posted() + again.refused() + again.reconciled()).as("nothing twice").isZero();
            assertThat(f.courier.createCalls.get()).as("refused orders are not sent again unchanged").isEqualTo(2);

            f.order("4", "processing", "12 Rue de Rivoli");
            RouteRun fixed = only(f.syncAndRoute(dispatcher));
            assertThat(fixed.posted()).as("a refused order is tried again once it changed").isEqualTo(1);
            assertThat(f.courier.deliveries).extracting(d -> d.reference())
                    .containsExactly(route.referenceFor("1"), route.referenceFor("4"));
            RouteDelivery.Counts counts = f.routes().counts(route.id());
            assertThat(counts).isEqualTo(new RouteDelivery.Counts(2, 1, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aCrashBetweenPostAndRecordNeverPostsASecondDelivery(TestDatabase.Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            Route route = f.routes().add(new RouteDraft(f.shopId, f.courierId, "processing", null, null, false));
            f.order("7", "processing", "48 Rue de Rivoli");
            RouteDispatcher crashing = f.dispatcher((r, order, receipt) -> {
                throw new SimulatedCrash(order);
            });

            assertThatThrownBy(() -> f.syncAndRoute(crashing)).hasMessageContaining("simulated crash");
            assertThat(f.courier.countOf(route.referenceFor("7"))).isEqualTo(1);
            assertThat(f.routes().deliveries(route.id(), 10)).singleElement()
                    .extracting(RouteDelivery::state).isEqualTo(RouteDelivery.State.INTENT);

            // right after the crash the intent is still claimed by the dead process: nobody touches it
            RouteDispatcher restarted = f.dispatcher(DispatchHook.NONE);
            RouteRun tooEarly = only(f.syncAndRoute(restarted));
            assertThat(tooEarly.posted() + tooEarly.reconciled()).isZero();

            f.clock.advance(RouteDispatcher.CLAIM);
            RouteRun after = only(f.syncAndRoute(restarted));

            assertThat(after.reconciled()).isEqualTo(1);
            assertThat(after.posted()).isZero();
            assertThat(f.courier.createCalls.get()).isEqualTo(1);
            assertThat(f.courier.countOf(route.referenceFor("7"))).as("exactly one delivery").isEqualTo(1);
            RouteDelivery remembered = f.routes().deliveries(route.id(), 10).get(0);
            assertThat(remembered.state()).isEqualTo(RouteDelivery.State.POSTED);
            assertThat(remembered.deliveryId()).isEqualTo("/api/deliveries/1");
            assertThat(new RouteRuns(f.store.dataSource()).ofRoute(route.id(), 10))
                    .extracting(RouteRun::outcome).contains(RouteRun.Outcome.ABANDONED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aLostAnswerOrADownCourierLeavesTheOrderForTheNextRun(TestDatabase.Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            Route route = f.routes().add(new RouteDraft(f.shopId, f.courierId, "processing", null, null, false));
            RouteDispatcher dispatcher = f.dispatcher(DispatchHook.NONE);
            f.order("1", "processing", "48 Rue de Rivoli");
            f.order("2", "processing", "1 Rue de la Paix");
            f.courier.loseAnswers.set(1);

            RouteRun lost = only(f.syncAndRoute(dispatcher));
            assertThat(lost.outcome()).isEqualTo(RouteRun.Outcome.FAILED);
            assertThat(lost.error()).contains("connection was lost");
            assertThat(lost.waiting()).isEqualTo(1);

            RouteRun next = only(f.syncAndRoute(dispatcher));
            assertThat(next.outcome()).as(next.error()).isEqualTo(RouteRun.Outcome.SUCCEEDED);
            assertThat(next.reconciled()).as("the lost answer's delivery is found, not posted again").isEqualTo(1);
            assertThat(next.posted()).isEqualTo(1);
            assertThat(f.courier.countOf(route.referenceFor("1"))).isEqualTo(1);
            assertThat(f.courier.countOf(route.referenceFor("2"))).isEqualTo(1);

            // the courier is down before anything is created; meanwhile the order is completed at the shop
            f.order("3", "processing", "3 Rue du Bac");
            f.courier.failBeforeCreating.set(1);
            assertThat(only(f.syncAndRoute(dispatcher)).outcome()).isEqualTo(RouteRun.Outcome.FAILED);
            f.order("3", "completed", "3 Rue du Bac");
            RouteRun settled = only(f.syncAndRoute(dispatcher));
            assertThat(settled.posted() + settled.reconciled()).isZero();
            assertThat(f.courier.countOf(route.referenceFor("3"))).isZero();
            assertThat(f.routes().deliveries(route.id(), 10)).extracting(RouteDelivery::orderExternalId)
                    .as("the intent of an order that no longer wants a delivery is forgotten").containsOnly("1", "2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void onlyOrdersStoredAfterTheRouteWasAddedAreForwarded(TestDatabase.Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.order("1", "processing", "48 Rue de Rivoli");
            f.syncAndRoute(f.dispatcher(DispatchHook.NONE));
            f.clock.advance(Duration.ofSeconds(1));
            f.routes().add(new RouteDraft(f.shopId, f.courierId, null, null, null, false));
            f.order("2", "pending", "1 Rue de la Paix");

            assertThat(only(f.syncAndRoute(f.dispatcher(DispatchHook.NONE))).posted()).isZero();
            f.order("2", "processing", "1 Rue de la Paix");
            assertThat(only(f.syncAndRoute(f.dispatcher(DispatchHook.NONE))).posted()).isEqualTo(1);
            assertThat(f.courier.deliveries).extracting(d -> d.orderNumber()).containsExactly("N2");

            assertThatThrownBy(() -> f.routes().add(new RouteDraft(f.shopId, f.courierId, null, null, null, false)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already forwards");
            assertThatThrownBy(() -> f.routes().add(new RouteDraft(f.courierId, f.shopId, null, -1, 5, false)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(p -> p.field()).containsExactly("from", "to", "lead-minutes", "slot-minutes"));
        }
    }
}
