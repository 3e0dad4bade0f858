package io.tributary.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.VerificationResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks what the connector sends (auth, signature, query) and how it reads WooCommerce's answers. */
class WooCommerceWireMockTest {
    private static final String KEY = "ck_1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
    private static final String SECRET = "cs_9f8e7d6c5b4a3f2e1d0c9f8e7d6c5b4a3f2e1d0c";
    private static final String INDEX = "{\"namespace\":\"wc/v3\",\"routes\":{\"/wc/v3/products\":{\"endpoints\":"
            + "[{\"methods\":[\"GET\"],\"args\":{\"page\":{},\"modified_after\":{}}}]}}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).build());

    @AfterEach
    void close() {
        http.close();
    }

    private String site() {
        return server.getRuntimeInfo().getHttpBaseUrl() + "/";
    }

    private Connector connector(String url, String mode) {
        ConnectionSettings settings = new ConnectionSettings(7, "shop", "woocommerce", URI.create(url),
                mode == null ? Map.of() : Map.of(WooCommerceAuthMode.FIELD, mode),
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of(KEY), CredentialField.SECRET, Secret.of(SECRET)));
        return new WooCommerceConnectorProvider().open(settings, ConnectorContext.of(Clock.systemUTC(), http));
    }

    private static void stubHappyShop() {
        server.stubFor(get("/wp-json/wc/v3").willReturn(okJson(INDEX)));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products"))
                .willReturn(okJson("[{\"id\":1}]").withHeader("X-WP-Total", "42")));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .willReturn(okJson("[{\"id\":9}]").withHeader("X-WP-Total", "7")));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status")).willReturn(okJson(
                "{\"environment\":{\"version\":\"9.4.2\"},\"settings\":{\"currency\":\"EUR\"}}")));
    }

    @Test
    void signsEveryRequestWithWooCommercesOAuthOnPlainHttp() {
        stubHappyShop();
        long before = Instant.now().getEpochSecond();

        VerificationResult result = connector(site(), null).verify();

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("authMode", "oauth1").containsEntry("wooCommerceVersion", "9.4.2")
                .containsEntry("currency", "EUR").containsEntry("products", "42").containsEntry("orders", "7")
                .containsEntry("modifiedAfterSupported", "true");
        server.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3")).withoutHeader("Authorization")
                .withQueryParam("oauth_signature", absent()));
        LoggedRequest products = server.findAll(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products"))).get(0);
        HttpUrl sent = HttpUrl.get(server.getRuntimeInfo().getHttpBaseUrl() + products.getUrl());
        assertThat(products.getHeader("Authorization")).isNull();
        assertThat(sent.queryParameter("oauth_consumer_key")).isEqualTo(KEY);
        assertThat(sent.queryParameter("oauth_signature_method")).isEqualTo("HMAC-SHA256");
        assertThat(sent.queryParameter("oauth_version")).isNull();
        assertThat(Long.parseLong(sent.queryParameter("oauth_timestamp"))).isBetween(before, before + 60);
        assertThat(sent.queryParameter("per_page")).isEqualTo("1");
        HttpUrl unsigned = sent.newBuilder().removeAllQueryParameters("oauth_signature").build();
        assertThat(sent.queryParameter("oauth_signature"))
                .isEqualTo(WooCommerceOAuthSigner.signature("GET", unsigned, SECRET));
        assertThat(products.getUrl()).doesNotContain(SECRET);
    }

    @Test
    void sendsBasicAuthWhenTold() {
        stubHappyShop();
        assertThat(connector(site(), "basic").verify().ok()).isTrue();

        String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes());
        server.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withHeader("Authorization", equalTo(expected))
                .withQueryParam("consumer_secret", absent()));
    }

    @Test
    void fallsBackToQueryParametersWhenTheServerDropsTheAuthorizationHeader() {
        server.stubFor(get("/wp-json/wc/v3").willReturn(okJson(INDEX)));
        String anonymous = "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\","
                + "\"data\":{\"status\":401}}";
        for (String path : List.of("/wp-json/wc/v3/products", "/wp-json/wc/v3/orders")) {
            server.stubFor(get(urlPathEqualTo(path)).withQueryParam("consumer_key", absent())
                    .willReturn(aResponse().withStatus(401).withBody(anonymous)));
            server.stubFor(get(urlPathEqualTo(path)).withQueryParam("consumer_key", equalTo(KEY))
                    .withQueryParam("consumer_secret", equalTo(SECRET)).willReturn(okJson("[]")));
        }
        Connector auto = new WooCommerceConnectorProvider().open(new ConnectionSettings(7, "shop", "woocommerce",
                URI.create(site()), Map.of(), Map.of(CredentialField.ACCESS_TOKEN, Secret.of(KEY),
                        CredentialField.SECRET, Secret.of(SECRET))), ConnectorContext.of(Clock.systemUTC(), http));
        // auto mode on http means OAuth; to exercise the https path, force Basic through the client directly
        WooCommerceAuth auth = new WooCommerceAuth(Secret.of(KEY), Secret.of(SECRET), WooCommerceAuthMode.BASIC,
                Clock.systemUTC());
        WooCommerceClient client = new WooCommerceClient(WooCommerceSite.of(URI.create(site())),
                http.verificationSession("woocommerce", "t", List.of(auth)), auth, true);

        VerificationResult result = new WooCommerceVerifier(client, http.verificationSession("woocommerce", "t",
                List.of())).verify();

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("authMode", "query")
                .containsEntry("authorizationHeaderStripped", "true");
        assertThat(result.message()).contains("drops the Authorization header");
        server.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("consumer_key",
                equalTo(KEY)));
        server.verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("consumer_key",
                absent()));
        auto.close();
    }

    @Test
    void readsFromTheCursorWithWooCommercesFilters() {
        stubHappyShop();
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/data/currencies/current"))
                .willReturn(okJson("{\"code\":\"SEK\"}")));
        server.stubFor(get(urlPathEqualTo("/wp-json/")).willReturn(okJson("{\"name\":\"Te och kaffe\","
                + "\"gmt_offset\":2,\"timezone_string\":\"Europe/Stockholm\"}")));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(okJson("[{\"id\":5,\"name\":"
                + "\"Grüner Tee\",\"type\":\"simple\",\"status\":\"publish\",\"sku\":\"GT-1\",\"price\":\"12.50\","
                + "\"stock_quantity\":3,\"date_created_gmt\":\"2024-01-01T00:00:00\",\"date_modified_gmt\":"
                + "\"2024-05-18T14:02:40\"}]")));

        SyncCursor from = SyncCursor.of(Instant.parse("2024-05-18T14:02:37.250Z"), null);
        try (RecordStream stream = connector(site(), "oauth1").read(EntityType.PRODUCTS, from)) {
            RecordPage page = stream.nextPage().orElseThrow();
            assertThat(stream.nextPage()).isEmpty();
            ProductRecord product = (ProductRecord) page.records().get(0);
            assertThat(product.price()).isEqualByComparingTo("12.50");
            assertThat(product.price().toPlainString()).isEqualTo("12.50");
            assertThat(product.currency()).isEqualTo("SEK");
            assertThat(product.name()).isEqualTo("Grüner Tee");
            assertThat(page.cursorAfter()).isEqualTo(SyncCursor.of(Instant.parse("2024-05-18T14:02:40Z"), "5"));
        }
        server.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products"))
                .withQueryParam("modified_after", equalTo("2024-05-18T16:02:36")) // Stockholm's summer time
                .withoutQueryParam("dates_are_gmt")
                .withQueryParam("orderby", equalTo("modified"))
                .withQueryParam("order", equalTo("asc"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void waitsOutA429ButNeverRetriesA401() {
        server.stubFor(get("/wp-json/wc/v3").willReturn(okJson(INDEX)));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("[]")));

        long start = System.nanoTime();
        try (RecordStream stream = connector(site(), "oauth1").read(EntityType.ORDERS, SyncCursor.START)) {
            assertThat(stream.nextPage()).isEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")));

        server.resetRequests();
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(aResponse().withStatus(401).withBody(
                "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer secret is invalid.\","
                        + "\"data\":{\"status\":401}}")));
        VerificationResult result = connector(site(), "oauth1").verify();
        assertThat(result.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(result.message()).isEqualTo("WooCommerce rejected the consumer secret: it does not belong to this "
                + "consumer key.");
        assertThat(result.httpStatus()).isEqualTo(401);
        server.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products")));
    }
}
