package io.tributary.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.VerificationResult;
import io.tributary.time.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the connector sends to Shopify and how it reads the answers, against WireMock. */
class ShopifyWireMockTest {
    private static final String GRAPHQL = "/admin/api/2026-10/graphql.json";
    private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    private static final String COST = "\"extensions\":{\"cost\":{\"requestedQueryCost\":%d,\"actualQueryCost\":%s,"
            + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":%d,\"restoreRate\":%d}}}";
    private static final String MONEY = "{\"shopMoney\":{\"amount\":\"%s\",\"currencyCode\":\"EUR\"},"
            + "\"presentmentMoney\":{\"amount\":\"99.99\",\"currencyCode\":\"USD\"}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).requestsPerSecond(1000).build());
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-03T10:00:00Z"));

    @AfterEach
    void close() {
        http.close();
    }

    private URI shop() {
        return URI.create(server.getRuntimeInfo().getHttpBaseUrl());
    }

    private Connector connector(ConnectionSettings settings) {
        return new ShopifyConnectorProvider().open(settings, ConnectorContext.of(clock, http));
    }

    private static String answer(String data, int requested, int available, int restoreRate) {
        return "{\"data\":" + data + "," + String.format(COST, requested, Integer.toString(requested / 2), available,
                restoreRate) + "}";
    }

    private static String order(String id, String updatedAt, String total) {
        return "{\"id\":\"gid://shopify/Order/" + id + "\",\"name\":\"#" + id + "\",\"email\":\"ana@example.org\","
                + "\"createdAt\":\"2026-05-18T13:58:02Z\",\"updatedAt\":\"" + updatedAt + "\",\"cancelledAt\":null,"
                + "\"currencyCode\":\"EUR\",\"displayFinancialStatus\":\"PAID\",\"totalPriceSet\":"
                + String.format(MONEY, total) + ",\"totalTaxSet\":" + String.format(MONEY, "0.00")
                + ",\"totalShippingPriceSet\":" + String.format(MONEY, "4.90") + ",\"totalDiscountsSet\":"
                + String.format(MONEY, "0.00") + ",\"lineItems\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":"
                + "null},\"nodes\":[{\"id\":\"gid://shopify/LineItem/9" + id + "\",\"name\":\"Mug\",\"sku\":\"MUG\","
                + "\"quantity\":2,\"variant\":{\"id\":\"gid://shopify/ProductVariant/42\"},\"product\":{\"id\":"
                + "\"gid://shopify/Product/40\"},\"originalUnitPriceSet\":" + String.format(MONEY, "12.50")
                + ",\"originalTotalSet\":" + String.format(MONEY, "25.00") + "}]}}";
    }

    private static String orders(boolean hasNext, String endCursor, String... nodes) {
        return "{\"orders\":{\"pageInfo\":{\"hasNextPage\":" + hasNext + ",\"endCursor\":"
                + (endCursor == null ? "null" : "\"" + endCursor + "\"") + "},\"nodes\":[" + String.join(",", nodes)
                + "]}}";
    }

    private static List<SourceRecord> readAll(Connector connector, EntityType entity, SyncCursor from) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordStream stream = connector.read(entity, from)) {
            for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                records.addAll(page.get().records());
            }
        }
        return records;
    }

    @Test
    void pagesOrdersFromTheCursorsSecondSortedByUpdateTimeWithExactShopMoney() {
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.variables.after", absent()))
                .willReturn(okJson(answer(orders(true, "c1", order("1", "2026-05-18T14:10:45Z", "29.90")), 700, 500, 1))));
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.variables.after", equalTo("c1")))
                .willReturn(okJson(answer(orders(false, "c2", order("2", "2026-05-18T14:11:00Z", "0.10")), 700, 1300, 100))));

        List<SourceRecord> records;
        try (Connector connector = connector(FakeShopifyShop.token(shop(), TOKEN))) {
            records = readAll(connector, EntityType.ORDERS, SyncCursor.of(Instant.parse("2026-05-18T14:10:45.700Z"), null));
        }

        assertThat(records).hasSize(2);
        OrderRecord first = (OrderRecord) records.get(0);
        assertThat(first.externalId()).isEqualTo("gid://shopify/Order/1");
        assertThat(first.total()).isEqualTo(new BigDecimal("29.90"));
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.shippingTotal()).isEqualTo(new BigDecimal("4.90"));
        assertThat(first.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitPrice()).isEqualTo(new BigDecimal("12.50"));
            assertThat(l.total()).isEqualTo(new BigDecimal("25.00"));
            assertThat(l.productExternalId()).isEqualTo("gid://shopify/ProductVariant/42");
        });
        assertThat(((OrderRecord) records.get(1)).total()).isEqualTo(new BigDecimal("0.10"));
        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)));
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("X-Shopify-Access-Token")).isEqualTo(TOKEN);
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
            assertThat(r.getBodyAsString()).contains("query TributaryOrders(")
                    .contains("\"query\":\"updated_at:>='2026-05-18T14:10:45Z'\"").contains("\"sortKey\":\"UPDATED_AT\"");
        });
        assertThat(sent.get(0).getBodyAsString()).contains("\"first\":19");
        assertThat(sent.get(1).getBodyAsString()).as("sized to the 500 points left at (700 - 2) / 19 per order")
                .contains("\"first\":13");
    }

    @Test
    void aThrottledAnswerIsWaitedOutAtTheRestoreRateAndAskedAgain() {
        server.stubFor(post(GRAPHQL).inScenario("bucket").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                        + String.format(COST, 971, "null", 0, 1000) + "}")).willSetStateTo("restored"));
        server.stubFor(post(GRAPHQL).inScenario("bucket").whenScenarioStateIs("restored")
                .willReturn(okJson(answer(orders(false, null, order("3", "2026-05-18T14:10:45Z", "1.00")), 971, 1000, 1000))));

        long start = System.nanoTime();
        List<SourceRecord> records;
        try (Connector connector = connector(FakeShopifyShop.token(shop(), TOKEN))) {
            records = readAll(connector, EntityType.ORDERS, SyncCursor.of(Instant.parse("2026-05-18T00:00:00Z"), null));
        }

        assertThat(records).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
    }

    @Test
    void mintsATokenWithTheClientCredentialsGrantAndRenewsItBeforeItExpires() {
        server.stubFor(post("/admin/oauth/access_token").willReturn(okJson("{\"access_token\":\"minted-1\","
                + "\"scope\":\"read_products,read_orders\",\"expires_in\":3600}")));
        server.stubFor(post(GRAPHQL).willReturn(okJson(answer(orders(false, null), 10, 1990, 100))));
        SyncCursor from = SyncCursor.of(Instant.parse("2026-05-18T00:00:00Z"), null);

        try (Connector connector = connector(FakeShopifyShop.app(shop(), "client-id-1", "client-sécret"))) {
            readAll(connector, EntityType.ORDERS, from);
            clock.advance(Duration.ofMinutes(53));
            readAll(connector, EntityType.ORDERS, from);
            assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/admin/oauth/access_token")))).hasSize(1);
            clock.advance(Duration.ofMinutes(2));
            readAll(connector, EntityType.ORDERS, from);
        }

        List<LoggedRequest> mints = server.findAll(postRequestedFor(urlPathEqualTo("/admin/oauth/access_token")));
        assertThat(mints).as("renewed 6 minutes (a tenth of its hour) before it expires").hasSize(2);
        assertThat(mints.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(mints.get(0).getBodyAsString())
                .isEqualTo("grant_type=client_credentials&client_id=client-id-1&client_secret=client-s%C3%A9cret");
        assertThat(mints.get(0).containsHeader("X-Shopify-Access-Token")).isFalse();
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL))))
                .allSatisfy(r -> assertThat(r.getHeader("X-Shopify-Access-Token")).isEqualTo("minted-1"));
    }

    @Test
    void jsonThatIsNotAGraphQlAnswerIsNotThisSystem() {
        server.stubFor(post(GRAPHQL).willReturn(okJson("{\"status\":\"ok\",\"version\":\"1.2\"}")));

        VerificationResult result;
        try (Connector connector = connector(FakeShopifyShop.token(shop(), TOKEN))) {
            result = connector.verify();
        }

        assertThat(result.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(result.message()).isEqualTo("POST " + shop() + GRAPHQL + " answered JSON that is not a GraphQL "
                + "answer ({\"status\":\"ok\",\"version\":\"1.2\"}): this is not Shopify's Admin API.");
    }

    @Test
    void theBulkResultIsDownloadedWithoutTheTokenFromAnotherHost() {
        String other = server.getRuntimeInfo().getHttpBaseUrl().replace("localhost", "127.0.0.1");
        URI shop = URI.create(other.replace("127.0.0.1", "localhost"));
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.query", equalTo(ShopifyQueries.SHOP)))
                .willReturn(okJson(answer("{\"shop\":{\"currencyCode\":\"EUR\"}}", 2, 1998, 100))));
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.query", equalTo(ShopifyQueries.BULK_START)))
                .willReturn(okJson(answer("{\"bulkOperationRunQuery\":{\"bulkOperation\":{\"id\":"
                        + "\"gid://shopify/BulkOperation/7\",\"status\":\"CREATED\"},\"userErrors\":[]}}", 10, 1990, 100))));
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.query", equalTo(ShopifyQueries.BULK_STATUS)))
                .willReturn(okJson(answer("{\"bulkOperation\":{\"id\":\"gid://shopify/BulkOperation/7\",\"status\":"
                        + "\"COMPLETED\",\"errorCode\":null,\"createdAt\":\"2026-12-03T09:59:00Z\",\"url\":\"" + other
                        + "/results/7.jsonl?X-Goog-Signature=abc\"}}", 1, 1990, 100))));
        server.stubFor(get(urlPathEqualTo("/results/7.jsonl")).willReturn(okJson(
                "{\"id\":\"gid://shopify/Product/1\",\"title\":\"Mug\",\"status\":\"ACTIVE\",\"updatedAt\":"
                        + "\"2026-12-01T10:00:00Z\"}\n{\"id\":\"gid://shopify/ProductVariant/2\",\"title\":\"Blue\","
                        + "\"sku\":\"MUG-B\",\"price\":\"12.5\",\"updatedAt\":\"2026-12-01T10:00:00Z\",\"__parentId\":"
                        + "\"gid://shopify/Product/1\"}\n")));

        List<SourceRecord> records;
        try (Connector connector = connector(FakeShopifyShop.token(shop, TOKEN))) {
            records = readAll(connector, EntityType.PRODUCTS, SyncCursor.START);
        }

        assertThat(records).extracting(SourceRecord::externalId)
                .containsExactly("gid://shopify/Product/1", "gid://shopify/ProductVariant/2");
        assertThat(records.get(1).rawJson()).doesNotContain("__parentId");
        List<LoggedRequest> downloads = server.findAll(getRequestedFor(urlPathEqualTo("/results/7.jsonl")));
        assertThat(downloads).singleElement().satisfies(r -> assertThat(r.containsHeader("X-Shopify-Access-Token"))
                .isFalse());
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL))))
                .allSatisfy(r -> assertThat(r.getHeader("X-Shopify-Access-Token")).isEqualTo(TOKEN));
    }

    @Test
    void aQueryAboveTheSingleQueryLimitIsAskedAgainSmaller() {
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.variables.first", equalTo("19")))
                .willReturn(okJson("{\"errors\":[{\"message\":\"Query cost is 3000, which exceeds the single query "
                        + "max cost limit (1000).\",\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\",\"cost\":3000,"
                        + "\"maxCost\":1000}}]}")));
        server.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.variables.first", equalTo("6")))
                .willReturn(okJson(answer(orders(false, null, order("4", "2026-05-18T14:10:45Z", "2.00")), 950, 1000, 100))));

        List<SourceRecord> records;
        try (Connector connector = connector(FakeShopifyShop.token(shop(), TOKEN))) {
            records = readAll(connector, EntityType.ORDERS, SyncCursor.of(Instant.parse("2026-05-18T00:00:00Z"), null));
        }

        assertThat(records).extracting(SourceRecord::externalId).containsExactly("gid://shopify/Order/4");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)))).as("19 orders cost 3000: (1000 - 2) / "
                + "157.8 per order fit").hasSize(2);
    }
}
