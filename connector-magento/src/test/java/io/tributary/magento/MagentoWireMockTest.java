package io.tributary.magento;

import io.tributary.time.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.magento.MagentoIntegration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the connector sends (signature, encoded query, tokens) and how it reads Magento's answers. */
class MagentoWireMockTest {
    private static final MagentoIntegration KEYS = new MagentoIntegration("ck7hy3v2m9q0w8e1r4t6y5u3i2o1p0a9",
            "cs0p9o8i7u6y5t4r3e2w1q0a9s8d7f6g", "at1q2w3e4r5t6y7u8i9o0p1a2s3d4f5g", "ts9l8k7j6h5g4f3d2s1a0p9o8i7u6y5t");
    private static final String USER = "api-user";
    private static final String PASSWORD = "pässword-1";
    private static final String CONFIGS = "[{\"id\":1,\"code\":\"default\",\"website_id\":1,\"locale\":\"en_US\","
            + "\"base_currency_code\":\"USD\",\"timezone\":\"America/New_York\",\"base_url\":\"https://shop.example/\"}]";
    private static final String COUNT = "{\"total_count\":3}";
    private static final String ORDER = "{\"entity_id\":1093,\"increment_id\":\"000001093\",\"state\":\"processing\","
            + "\"status\":\"processing\",\"created_at\":\"2024-05-18 13:58:02\",\"updated_at\":\"2024-05-18 14:10:45\","
            + "\"order_currency_code\":\"EUR\",\"grand_total\":29.9,\"subtotal\":25,\"shipping_amount\":4.9,"
            + "\"tax_amount\":0,\"discount_amount\":-0.0,\"customer_email\":\"ana@example.org\",\"customer_firstname\":"
            + "\"Ana\",\"customer_lastname\":\"López\",\"items\":[{\"item_id\":2201,\"sku\":\"MUG-BLUE\",\"name\":"
            + "\"Mug\",\"product_id\":40,\"product_type\":\"configurable\",\"qty_ordered\":2,\"price\":12.5,"
            + "\"row_total\":25},{\"item_id\":2202,\"parent_item_id\":2201,\"sku\":\"MUG-BLUE\",\"name\":\"Mug-Blue\","
            + "\"product_id\":42,\"product_type\":\"simple\",\"qty_ordered\":2,\"price\":0,\"row_total\":0}]}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).requestsPerSecond(1000).build());

    @AfterEach
    void close() {
        http.close();
    }

    private String api() {
        return server.getRuntimeInfo().getHttpBaseUrl() + "/rest/default/V1";
    }

    private Connector connector(MagentoAuthMode mode, Clock clock) {
        ConnectionSettings settings = FakeMagentoShop.settings(URI.create(api()), mode, KEYS, USER, PASSWORD);
        return new MagentoConnectorProvider().open(settings, ConnectorContext.of(clock, http));
    }

    private static void stubHappyShop() {
        server.stubFor(get("/rest/default/V1/store/storeConfigs").willReturn(okJson(CONFIGS)));
        server.stubFor(get("/rest/default/V1/store/storeViews").willReturn(okJson("[{\"id\":1,\"code\":\"default\","
                + "\"name\":\"Main\"}]")));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/products")).willReturn(okJson(COUNT)));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).willReturn(okJson(COUNT)));
    }

    private static HttpUrl sent(LoggedRequest request) {
        return HttpUrl.get(server.getRuntimeInfo().getHttpBaseUrl() + request.getUrl());
    }

    @Test
    void signsEveryRequestWithOAuthOverTheUrlAsSent() {
        stubHappyShop();
        long before = Instant.now().getEpochSecond();

        VerificationResult result = connector(MagentoAuthMode.INTEGRATION, Clock.systemUTC()).verify();

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("baseCurrency", "USD").containsEntry("storeName", "Main")
                .containsEntry("products", "3").containsEntry("orders", "3");
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/rest/default/V1/products")));
        assertThat(requests).hasSize(1);
        LoggedRequest products = requests.get(0);
        assertThat(products.getUrl()).isEqualTo("/rest/default/V1/products?searchCriteria%5BpageSize%5D=1&fields=total_count");
        Map<String, String> oauth = MagentoOAuthSignerTest.header(products.getHeader("Authorization"));
        assertThat(oauth).containsEntry("oauth_consumer_key", KEYS.consumerKey())
                .containsEntry("oauth_token", KEYS.accessToken()).containsEntry("oauth_signature_method", "HMAC-SHA256")
                .containsEntry("oauth_version", "1.0");
        assertThat(Long.parseLong(oauth.get("oauth_timestamp"))).isBetween(before, before + 60);
        List<Map.Entry<String, String>> signed = new ArrayList<>(MagentoOAuthSigner.queryParameters(sent(products)));
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                signed.add(Map.entry(k, v));
            }
        });
        String base = MagentoOAuthSigner.baseString("GET", sent(products), signed);
        assertThat(oauth.get("oauth_signature")).isEqualTo(MagentoOAuthSigner.signature(
                MagentoOAuthSigner.Method.HMAC_SHA256, base, KEYS.consumerSecret(), KEYS.accessTokenSecret()));
        List<String> nonces = server.findAll(getRequestedFor(urlPathEqualTo("/rest/default/V1/orders"))).stream()
                .map(r -> MagentoOAuthSignerTest.header(r.getHeader("Authorization")).get("oauth_nonce")).toList();
        assertThat(nonces).doesNotContain(oauth.get("oauth_nonce"));
    }

    @Test
    void readsFromTheCursorByKeysetWithAStrictlyEncodedQuery() {
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders"))
                .willReturn(okJson("{\"items\":[" + ORDER + "],\"total_count\":1}")));
        SyncCursor from = SyncCursor.of(Instant.parse("2024-05-18T14:02:37Z"), "1090");

        RecordPage page;
        try (RecordStream stream = connector(MagentoAuthMode.BEARER, Clock.systemUTC()).read(EntityType.ORDERS, from)) {
            page = stream.nextPage().orElseThrow();
            assertThat(stream.nextPage()).as("the page held all of total_count").isEmpty();
        }

        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/rest/default/V1/orders")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl()).isEqualTo("/rest/default/V1/orders?"
                + "searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=updated_at"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2024-05-18%2014%3A02%3A37"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=gteq"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=updated_at"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2024-05-18%2014%3A02%3A37"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=gt"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B1%5D%5Bfield%5D=entity_id"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B1%5D%5Bvalue%5D=1090"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B1%5D%5Bcondition_type%5D=gt"
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=updated_at"
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=ASC"
                + "&searchCriteria%5BsortOrders%5D%5B1%5D%5Bfield%5D=entity_id"
                + "&searchCriteria%5BsortOrders%5D%5B1%5D%5Bdirection%5D=ASC"
                + "&searchCriteria%5BpageSize%5D=100");
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + KEYS.accessToken());
        OrderRecord order = (OrderRecord) page.records().get(0);
        assertThat(order.externalId()).isEqualTo("1093");
        assertThat(order.number()).isEqualTo("000001093");
        assertThat(order.total().toPlainString()).isEqualTo("29.9");
        assertThat(order.discountTotal()).isZero();
        assertThat(order.customerName()).isEqualTo("Ana López");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.productExternalId()).as("the child actually bought").isEqualTo("42");
            assertThat(line.unitPrice().toPlainString()).isEqualTo("12.5");
            assertThat(line.total().toPlainString()).isEqualTo("25");
        });
        assertThat(page.cursorAfter()).isEqualTo(SyncCursor.of(Instant.parse("2024-05-18T14:10:45Z"), "1093"));
    }

    @Test
    void signsInOnceKeepsTheTokenAndRenewsItOnceAfterARefusal() {
        stubHappyShop();
        long now = Instant.now().getEpochSecond();
        String first = jwt(now, now + 3600);
        String second = jwt(now, now + 3601);
        server.stubFor(post("/rest/default/V1/integration/admin/token").inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("\"" + first + "\"")).willSetStateTo("issued"));
        server.stubFor(post("/rest/default/V1/integration/admin/token").inScenario("tokens")
                .whenScenarioStateIs("issued").willReturn(okJson("\"" + second + "\"")));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"The consumer isn't authorized to access "
                        + "%resources.\",\"parameters\":{\"resources\":\"Magento_Sales::actions_view\"}}")));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).withHeader("Authorization", equalTo("Bearer " + second))
                .willReturn(okJson("{\"items\":[],\"total_count\":0}")));

        try (Connector connector = connector(MagentoAuthMode.ADMIN, Clock.systemUTC())) {
            VerificationResult result = connector.verify(); // orders refuse the first token: one new sign-in
            assertThat(result.ok()).as(result.message()).isTrue();
            server.verify(2, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token"))
                    .withRequestBody(equalToJson("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}")));

            readOrders(connector); // the kept token: no sign-in
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token")));
        server.verify(getRequestedFor(urlPathEqualTo("/rest/default/V1/store/storeConfigs"))
                .withHeader("Authorization", equalTo("Bearer " + first)));
        server.verify(2, getRequestedFor(urlPathEqualTo("/rest/default/V1/orders"))
                .withHeader("Authorization", equalTo("Bearer " + second)));

        server.resetAll();
        stubHappyShop();
        server.stubFor(post("/rest/default/V1/integration/admin/token").willReturn(okJson("\"" + first + "\"")));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":"
                        + "{\"resources\":\"Magento_Sales::actions_view\"}}")));
        VerificationResult refused = connector(MagentoAuthMode.ADMIN, Clock.systemUTC()).verify();
        assertThat(refused.kind()).as("a token refused right after a new sign-in: the role lacks the resource")
                .isEqualTo(FailureKind.FORBIDDEN);
        assertThat(refused.message()).contains("Magento_Sales::actions_view");
        server.verify(2, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/rest/default/V1/orders")));
    }

    @Test
    void renewsTheTokenBeforeItsJwtExpires() {
        stubHappyShop();
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).willReturn(okJson("{\"items\":[],\"total_count\":0}")));
        MutableClock clock = MutableClock.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
        long start = clock.instant().getEpochSecond();
        server.stubFor(post("/rest/default/V1/integration/admin/token")
                .willReturn(okJson("\"" + jwt(start, start + 600) + "\"")));

        try (Connector connector = connector(MagentoAuthMode.ADMIN, clock)) {
            assertThat(connector.verify().ok()).isTrue();
            clock.advance(java.time.Duration.ofSeconds(500)); // 100 s before exp: still used
            readOrders(connector);
            server.verify(1, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token")));
            clock.advance(java.time.Duration.ofSeconds(60)); // within the last minute: renewed before use
            readOrders(connector);
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token")));
    }

    private static void readOrders(Connector connector) {
        try (RecordStream stream = connector.read(EntityType.ORDERS, SyncCursor.START)) {
            assertThat(stream.nextPage()).isEmpty();
        }
    }

    @Test
    void neverRepeatsARefusedPasswordNeitherInVerifyNorInARead() {
        server.stubFor(post("/rest/default/V1/integration/admin/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"The account sign-in was incorrect or your account is disabled temporarily. "
                        + "Please wait and try again later.\"}")));

        try (Connector connector = connector(MagentoAuthMode.ADMIN, Clock.systemUTC())) {
            VerificationResult result = connector.verify();
            assertThat(result.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
            assertThat(result.httpStatus()).isEqualTo(401);
            try (RecordStream stream = connector.read(EntityType.ORDERS, SyncCursor.START)) {
                stream.nextPage();
            } catch (io.tributary.spi.ConnectorException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
            }
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/rest/default/V1/integration/admin/token")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/rest/default/V1/orders")));
    }

    @Test
    void waitsOutA429ThenGoesOn() {
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        server.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"items\":[],\"total_count\":0}")));

        long start = System.nanoTime();
        readOrders(connector(MagentoAuthMode.INTEGRATION, Clock.systemUTC()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlPathEqualTo("/rest/default/V1/orders")));
    }

    static String jwt(long issuedAt, long expiresAt) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"kid\":\"1\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"uid\":1,\"utypid\":2,\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + "}")
                        .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

}
