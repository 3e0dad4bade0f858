package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.route.Route;
import io.tributary.route.RouteDispatcher;
import io.tributary.route.RouteDraft;
import io.tributary.route.RouteRun;
import io.tributary.run.SyncRun;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderRecord;
import io.tributary.store.CentralStore;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.ScriptedShopProvider;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A route from a shop to the fake CoopCycle, over real sockets and a real database: the whole address goes out,
 * phones go in E.164 read in the country they were typed in, and a phone CoopCycle would refuse does not cost the
 * customer the delivery.
 */
class CoopCycleRouteTest {
    private static final String DELIVERIES = "/api/deliveries";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deliveriesCarryTheWholeAddressAndPhonesInE164OrNone(TestDatabase.Backend backend) {
        Clock clock = Clock.systemUTC();
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new ScriptedShopProvider(),
                new CoopCycleConnectorProvider()));
        try (TestDatabase database = TestDatabase.create(backend);
                HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
                FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(10).seed(31).start()) {
            CentralStore store = database.store();
            ConnectionService connections = new ConnectionService(store, registry,
                    new SecretCipher(MasterKey.generate("t")), clock, ConnectionAddedHook.NONE);
            String shopHost = "shop-" + UUID.randomUUID() + ".example";
            long shopId = connections.add(new ConnectionDraft("scripted-shop", "Acme shop", "https://" + shopHost
                    + "/", null, Map.of(CredentialField.ACCESS_TOKEN, "shop-token"))).id();
            long courierId = connections.add(new ConnectionDraft("coopcycle", "Acme couriers",
                    coopcycle.baseUrl().toString(), null, Map.of(CredentialField.ACCESS_TOKEN,
                            coopcycle.apiKeyApp().apiKey()))).id();
            ScriptedConnectorProvider.Source shop = ScriptedConnectorProvider.source(shopHost);
            order(shop, clock, "1", "\"street\":\"48 Rue de Rivoli\",\"phone\":\"06 12 34 56 78\"");
            order(shop, clock, "2", "\"street\":\"1 Market St\",\"postcode\":\"94105\",\"city\":\"San Francisco\","
                    + "\"state\":\"CA\",\"country\":\"US\",\"phone\":\"(415) 555-2671\"");
            order(shop, clock, "3", "\"street\":\"3 Rue du Bac\",\"phone\":\"call me\"");
            order(shop, clock, "4", "\"street\":\"9 Rue des Martyrs\",\"phone\":\"(555) 555-5555\","
                    + "\"phoneCountry\":\"US\"");
            order(shop, clock, "5", "\"street\":\"12 Rue Oberkampf\",\"phone\":\"0470 12 34 56\","
                    + "\"phoneCountry\":\"BE\"");
            order(shop, clock, "6", "\"street\":\"5 Place d'Italie\",\"postcode\":\"75013\",\"country\":null,"
                    + "\"phone\":\"06 98 76 54 32\"");
            ConnectorContext context = ConnectorContext.of(clock, http);
            SyncEngine engine = SyncEngine.builder(store, connections, registry, context).clock(clock).build();
            RouteDispatcher dispatcher = new RouteDispatcher(store.dataSource(), connections, registry, context,
                    clock);
            Route route = new io.tributary.route.RouteService(store.dataSource(), connections, registry, context,
                    clock).add(new RouteDraft(shopId, courierId, "processing", null, null, true));

            SyncService.Result result = new SyncService(engine, dispatcher).run(new SyncRequest(shopId,
                    EntityType.ORDERS, SyncRun.Trigger.MANUAL, false), SyncListener.NONE);

            RouteRun run = result.routes().get(0);
            assertThat(run.outcome()).as(run.error()).isEqualTo(RouteRun.Outcome.SUCCEEDED);
            assertThat(run.refused()).as("no order refused over its phone").isZero();
            assertThat(run.posted()).isEqualTo(6);
            JsonNode d1 = dropoff(coopcycle, route, "1");
            assertThat(d1.get("address").get("streetAddress").asText())
                    .isEqualTo("48 Rue de Rivoli, 75004 Paris, France");
            assertThat(d1.get("address").get("telephone").asText()).isEqualTo("+33612345678");
            assertThat(d1.get("comments").asText()).isEqualTo("Order #N1 from Acme shop");
            JsonNode d2 = dropoff(coopcycle, route, "2");
            assertThat(d2.get("address").get("streetAddress").asText())
                    .isEqualTo("1 Market St, 94105 San Francisco, CA, United States");
            assertThat(d2.get("address").get("telephone").asText())
                    .as("typed without +1, read in the shipping country: the fake, in France, would have "
                            + "refused it as typed").isEqualTo("+14155552671");
            JsonNode d3 = dropoff(coopcycle, route, "3");
            assertThat(d3.get("address").get("telephone").isNull()).as("not a phone: none sent").isTrue();
            assertThat(d3.get("comments").asText()).isEqualTo("Order #N3 from Acme shop\nPhone as given: call me");
            JsonNode d4 = dropoff(coopcycle, route, "4");
            assertThat(d4.get("address").get("telephone").isNull()).as("555 is no US area code").isTrue();
            assertThat(d4.get("comments").asText())
                    .isEqualTo("Order #N4 from Acme shop\nPhone as given: (555) 555-5555");
            assertThat(dropoff(coopcycle, route, "5").get("address").get("telephone").asText())
                    .as("typed in Belgium, shipped to France").isEqualTo("+32470123456");
            JsonNode d6 = dropoff(coopcycle, route, "6");
            assertThat(d6.get("address").get("streetAddress").asText())
                    .isEqualTo("5 Place d'Italie, 75013 Paris");
            assertThat(d6.get("address").get("telephone").asText()).as("read in the instance's country")
                    .isEqualTo("+33698765432");
            assertThat(coopcycle.requests().matching("/api/settings")).as("asked once, for order 6 only")
                    .hasSize(1);
            assertThat(coopcycle.requests().matching(DELIVERIES).stream()
                    .filter(r -> r.method().equals("POST"))).hasSize(6);
        }
    }

    private static void order(ScriptedConnectorProvider.Source shop, Clock clock, String id, String address) {
        String raw = "{\"id\":\"" + id + "\",\"status\":\"processing\",\"name\":\"Ana López\"," + address + "}";
        shop.orders.add(new OrderRecord(id, "N" + id, "processing", "EUR", new BigDecimal("12.50"), null, null, null,
                null, "Ana López", clock.instant(), clock.instant(), List.of(), raw));
    }

    private static JsonNode dropoff(FakeCoopCycle coopcycle, Route route, String order) {
        List<JsonNode> found = coopcycle.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref",
                route.referenceFor(order));
        assertThat(found).as("one delivery for order " + order).hasSize(1);
        return found.get(0).get("dropoff");
    }
}
