package io.tributary.coopcycle;

import io.tributary.time.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.DeliveryRefusedException;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Shipment;
import io.tributary.spi.SyncCursor;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks what the connector sends CoopCycle (token request, bearer, paging, delivery body) and how it reads back. */
class CoopCycleWireMockTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String SECRET = "5ec" + "e".repeat(125);
    private static final String ME = "{\"@context\":\"/api/contexts/ApiApp\",\"@id\":\"/api/api_apps/1\","
            + "\"store\":\"/api/stores/3\",\"shop\":null,\"name\":\"Acme\"}";
    private static final String DELIVERY = "{\"@id\":\"/api/deliveries/5120\",\"id\":5120,"
            + "\"pickup\":{\"type\":\"PICKUP\",\"status\":\"DONE\",\"createdAt\":\"2024-05-18T10:02:11+02:00\"},"
            + "\"dropoff\":{\"type\":\"DROPOFF\",\"status\":\"TODO\",\"before\":\"2024-05-18T12:30:00+02:00\","
            + "\"address\":{\"streetAddress\":\"48 Rue de Rivoli 75004 Paris\",\"contactName\":\"Ana Lopez\"},"
            + "\"createdAt\":\"2024-05-18T10:02:11+02:00\"},\"tasks\":[\"/api/tasks/1\",\"/api/tasks/2\"],"
            + "\"trackingUrl\":\"https://acme.coopcycle.org/public/x\",\"order\":{\"@id\":\"/api/orders/880\","
            + "\"number\":\"AAXB\",\"total\":890,\"taxTotal\":148}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).requestsPerSecond(1000).build());
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-05-18T10:00:00Z"));

    @AfterEach
    void close() {
        http.close();
    }

    private Connector connector(String token, String secret) {
        ConnectionSettings settings = FakeCoopCycleShop.settings(URI.create(server.getRuntimeInfo().getHttpBaseUrl()),
                token, secret, Map.of(CoopCycleSettings.CURRENCY, "CHF"));
        return new CoopCycleConnectorProvider().open(new ConnectionSettings(7, "cc", "coopcycle", settings.apiUrl(),
                settings.options(), settings.secrets()), ConnectorContext.of(clock, http));
    }

    private static void stubToken(String token, int expiresIn) {
        server.stubFor(post("/oauth2/token").willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn + ",\"access_token\":\"" + token + "\"}")));
    }

    private static void stubListing() {
        server.stubFor(get("/api/me").willReturn(okJson(ME)));
        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).willReturn(okJson("{\"hydra:member\":["
                + DELIVERY + "],\"hydra:totalItems\":1}")));
    }

    private static List<OrderRecord> readAll(Connector connector, SyncCursor from) {
        List<OrderRecord> records = new java.util.ArrayList<>();
        try (RecordStream stream = connector.read(EntityType.ORDERS, from)) {
            for (var page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                page.get().records().forEach(r -> records.add((OrderRecord) r));
            }
        }
        return records;
    }

    @Test
    void buysATokenWithBasicCredentialsAndSendsItAsBearer() {
        stubToken("tok-1", 3600);
        stubListing();

        List<OrderRecord> orders = readAll(connector(ID, SECRET), SyncCursor.START);

        LoggedRequest token = server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))).get(0);
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getBodyAsString()).isEqualTo("grant_type=client_credentials&scope=deliveries");
        LoggedRequest listing = server.findAll(getRequestedFor(urlPathEqualTo("/api/stores/3/deliveries"))).get(0);
        assertThat(listing.getUrl()).isEqualTo("/api/stores/3/deliveries?order%5BcreatedAt%5D=desc&itemsPerPage=100");
        assertThat(listing.getHeader("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(listing.getHeader("Accept")).isEqualTo("application/ld+json");

        OrderRecord order = orders.get(0);
        assertThat(order.externalId()).isEqualTo("5120");
        assertThat(order.number()).isEqualTo("AAXB");
        assertThat(order.status()).isEqualTo("DOING");
        assertThat(order.total()).isEqualTo(new BigDecimal("8.90"));
        assertThat(order.totalTax()).isEqualTo(new BigDecimal("1.48"));
        assertThat(order.currency()).isEqualTo("CHF");
        assertThat(order.customerName()).isEqualTo("Ana Lopez");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-05-18T08:02:11Z"));
        assertThat(order.rawJson()).contains("\"before\":\"2024-05-18T12:30:00+02:00\"");
    }

    @Test
    void keepsTheTokenUntilShortlyBeforeItExpiresAndBuysANewOneOnceOn401() {
        stubToken("tok-1", 30);
        stubListing();
        Connector connector = connector(ID, SECRET);

        readAll(connector, SyncCursor.START);
        readAll(connector, SyncCursor.START);
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));

        clock.advance(Duration.ofSeconds(16)); // 30 s tokens are renewed 15 s early
        readAll(connector, SyncCursor.START);
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));

        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).inScenario("revoked")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401)
                        .withBody("{\"code\":401,\"message\":\"Invalid JWT Token\"}")).willSetStateTo("renewed"));
        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).inScenario("revoked")
                .whenScenarioStateIs("renewed").willReturn(okJson("{\"hydra:member\":[]}")));
        assertThat(readAll(connector, SyncCursor.START)).isEmpty();
        server.verify(3, postRequestedFor(urlPathEqualTo("/oauth2/token")));

        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":401,\"message\":\"Invalid JWT Token\"}")));
        assertThatThrownBy(() -> readAll(connector, SyncCursor.START)).isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(FailureKind.BAD_CREDENTIALS));
        server.verify(4, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void anApiKeyIsTheBearerAndNoTokenIsBought() {
        stubListing();
        String key = "ak_" + "1".repeat(40);

        readAll(connector(key, null), SyncCursor.START);

        server.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer " + key)));
    }

    private static DeliveryRequest request() {
        Shipment shipment = new Shipment("Ana López", "Atelier Ana", "+33 6 12 34 56 78", null, "48 Rue de Rivoli",
                "3e étage", "75004", "Paris", "FR", "Sonnez deux fois", List.of(
                        new Shipment.Item("Mug bleu", "MUG-BLUE", new BigDecimal("2.000")),
                        new Shipment.Item("Thé vert", null, BigDecimal.ONE)));
        Instant at = Instant.parse("2024-05-18T12:00:00Z");
        return new DeliveryRequest("trib-abc-727", "727", "Acme shop", shipment,
                new DeliveryRequest.Window(at.minus(Duration.ofHours(1)), at),
                new DeliveryRequest.Window(at, at.plus(Duration.ofHours(1))));
    }

    @Test
    void postsTheDeliveryOnceAndReadsItsIri() throws Exception {
        stubToken("tok-1", 3600);
        server.stubFor(post("/api/deliveries").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/ld+json").withBody(DELIVERY)));

        var receipt = ((DeliveryTarget) connector(ID, SECRET)).createDelivery(request());

        assertThat(receipt.deliveryId()).isEqualTo("/api/deliveries/5120");
        assertThat(receipt.trackingUrl()).isEqualTo("https://acme.coopcycle.org/public/x");
        LoggedRequest sent = server.findAll(postRequestedFor(urlPathEqualTo("/api/deliveries"))).get(0);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/ld+json");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer tok-1");
        JsonNode body = new ObjectMapper().readTree(sent.getBodyAsString());
        assertThat(body.toString()).isEqualTo("{\"pickup\":{\"after\":\"2024-05-18T11:00:00Z\",\"before\":"
                + "\"2024-05-18T12:00:00Z\",\"comments\":\"Order #727 from Acme shop\\n2 × Mug bleu (MUG-BLUE)\\n1 × "
                + "Thé vert\\nRef trib-abc-727\",\"metadata\":{\"tributary_ref\":\"trib-abc-727\",\"order_number\":"
                + "\"727\"}},"
                + "\"dropoff\":{\"address\":{\"streetAddress\":\"48 Rue de Rivoli, 75004 Paris, France\","
                + "\"contactName\":\"Ana López\",\"telephone\":\"+33612345678\",\"name\":\"Atelier Ana\","
                + "\"description\":"
                + "\"3e étage\"},\"after\":\"2024-05-18T12:00:00Z\",\"before\":\"2024-05-18T13:00:00Z\",\"comments\":"
                + "\"Order #727 from Acme shop\\nSonnez deux fois\",\"metadata\":{\"tributary_ref\":\"trib-abc-727\","
                + "\"order_number\":\"727\"}}}");
    }

    @Test
    void aRefusalCarriesTheViolationsAndA5xxIsNeverRetried() {
        stubToken("tok-1", 3600);
        server.stubFor(post("/api/deliveries").willReturn(aResponse().withStatus(400).withBody("{\"@context\":"
                + "\"/api/contexts/ConstraintViolationList\",\"@type\":\"ConstraintViolationList\",\"violations\":["
                + "{\"propertyPath\":\"items[1].task.address.telephone\",\"message\":\"This value is not a valid "
                + "phone number.\"}]}")));
        DeliveryTarget target = (DeliveryTarget) connector(ID, SECRET);

        assertThatThrownBy(() -> target.createDelivery(request())).isInstanceOf(DeliveryRefusedException.class)
                .hasMessage("items[1].task.address.telephone: This value is not a valid phone number.");

        server.stubFor(post("/api/deliveries").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> target.createDelivery(request())).isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(FailureKind.SERVER_ERROR));
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/deliveries")));
    }

    @Test
    void findsDeliveriesByTheReferenceInTheirMetadataOrTheirPickupComments() {
        String tagged = "{\"@id\":\"/api/deliveries/7\",\"id\":7,\"pickup\":{\"createdAt\":\"2024-05-18T10:05:00Z\","
                + "\"metadata\":[]},\"dropoff\":{\"metadata\":{\"tributary_ref\":\"trib-x-7\"}}}";
        String commented = "{\"@id\":\"/api/deliveries/6\",\"id\":6,\"pickup\":{\"createdAt\":"
                + "\"2024-05-18T10:04:00Z\",\"comments\":\"Order #6 from Acme\\nRef trib-x-6\"},\"dropoff\":{}}";
        String old = "{\"@id\":\"/api/deliveries/5\",\"id\":5,\"pickup\":{\"createdAt\":\"2024-05-17T10:00:00Z\","
                + "\"comments\":\"Ref trib-x-5\"},\"dropoff\":{}}";
        server.stubFor(get("/api/me").willReturn(okJson(ME)));
        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).willReturn(okJson("{\"hydra:member\":["
                + tagged + "," + commented + "," + old + "],\"hydra:view\":{\"hydra:next\":"
                + "\"/api/stores/3/deliveries?page=2\"}}")));

        var found = ((DeliveryTarget) connector("ak_" + "2".repeat(40), null)).findDeliveries(java.util.Set.of(
                "trib-x-7", "trib-x-6", "trib-x-5", "trib-x-4"), Instant.parse("2024-05-18T09:00:00Z"));

        assertThat(found).containsOnlyKeys("trib-x-7", "trib-x-6", "trib-x-5");
        assertThat(found.get("trib-x-6").deliveryId()).isEqualTo("/api/deliveries/6");
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/stores/3/deliveries")));
    }

    @Test
    void anInstanceThatIgnoresTheNewestFirstOrderIsReadToTheEnd() {
        String oldest = "{\"id\":1,\"pickup\":{\"createdAt\":\"2024-05-10T10:00:00Z\"},\"dropoff\":{}}";
        String newer = "{\"id\":2,\"pickup\":{\"createdAt\":\"2024-05-18T10:00:00Z\"},\"dropoff\":{}}";
        String newest = "{\"id\":3,\"pickup\":{\"createdAt\":\"2024-05-19T10:00:00Z\"},\"dropoff\":{}}";
        server.stubFor(get("/api/me").willReturn(okJson(ME)));
        server.stubFor(get(urlPathEqualTo("/api/stores/3/deliveries")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"hydra:member\":[" + newest + "]}")));
        server.stubFor(get("/api/stores/3/deliveries?order%5BcreatedAt%5D=desc&itemsPerPage=100").willReturn(okJson(
                "{\"hydra:member\":[" + oldest + "," + newer + "],\"hydra:view\":{\"hydra:next\":"
                        + "\"/api/stores/3/deliveries?page=2\"}}")));

        List<OrderRecord> read = readAll(connector("ak_" + "3".repeat(40), null),
                SyncCursor.of(Instant.parse("2024-05-15T00:00:00Z"), null));

        assertThat(read).extracting(OrderRecord::externalId).containsExactly("2", "3");
    }

}
