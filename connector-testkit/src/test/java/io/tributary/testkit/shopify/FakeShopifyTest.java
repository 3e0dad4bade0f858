package io.tributary.testkit.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.TestHttpClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Shopify itself, through plain HTTP: tokens, scopes, the cost bucket, paging, bulk operations. */
class FakeShopifyTest {
    private static final String PRODUCTS = "query TributaryProducts($first: Int!) { products { nodes { id } } }";
    private static final String ORDERS = "query TributaryOrders($first: Int!) { orders { nodes { id } } }";
    private final FakeShopify fake = FakeShopify.builder().products(12).orders(30).start();
    private final TestHttpClient http = new TestHttpClient();

    @AfterEach
    void close() {
        fake.close();
    }

    private HttpResponse<String> graphQl(String token, String query, ObjectNode variables) {
        ObjectNode body = TestHttpClient.MAPPER.createObjectNode().put("query", query);
        body.set("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(fake.shopUrl().resolve("admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("X-Shopify-Access-Token", token);
        }
        return http.send(request.build());
    }

    private static ObjectNode vars() {
        return TestHttpClient.MAPPER.createObjectNode();
    }

    private JsonNode data(String query, ObjectNode variables) {
        return TestHttpClient.json(graphQl(fake.token(), query, variables));
    }

    @Test
    void aMissingOrWrongTokenIs401AndAMintedTokenExpiresOnTheFakesClock() {
        HttpResponse<String> none = graphQl(null, PRODUCTS, vars());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("[API] Invalid API key or access token");

        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(fake.shopUrl().resolve("admin/oauth/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + fake.clientId() + "&client_secret="
                                + fake.clientSecret())).build());
        JsonNode reply = TestHttpClient.json(minted);
        assertThat(reply.get("expires_in").asLong()).isEqualTo(86_399);
        assertThat(reply.get("scope").asText()).isEqualTo("read_all_orders,read_orders,read_products");
        String token = reply.get("access_token").asText();
        assertThat(graphQl(token, "query TributaryShop { shop { currencyCode } }", vars()).statusCode()).isEqualTo(200);
        fake.clock().advance(Duration.ofSeconds(86_399));
        assertThat(graphQl(token, "query TributaryShop { shop { currencyCode } }", vars()).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesByUpdateTimeThenIdWithTheSearchAndAnEditMovesARecordToTheEnd() {
        ObjectNode first = vars().put("first", 5).put("sortKey", "UPDATED_AT").put("variants", 1);
        JsonNode page1 = data(PRODUCTS, first).at("/data/products");
        assertThat(page1.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        List<String> ids = new ArrayList<>();
        page1.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).containsExactly("gid://shopify/Product/7000000001", "gid://shopify/Product/7000000002",
                "gid://shopify/Product/7000000003", "gid://shopify/Product/7000000004", "gid://shopify/Product/7000000005");

        fake.reprice(7000000002L, new BigDecimal("9.99"));
        JsonNode rest = data(PRODUCTS, first.deepCopy().put("first", 250)
                .put("after", page1.at("/pageInfo/endCursor").asText())).at("/data/products/nodes");
        assertThat(rest).hasSize(8);
        assertThat(rest.get(7).get("id").asText()).as("edited while paging: read again at the end")
                .isEqualTo("gid://shopify/Product/7000000002");

        String since = fake.product(7000000002L).updatedAt().toString();
        JsonNode changed = data(PRODUCTS, first.deepCopy().put("query", "updated_at:>='" + since + "'"))
                .at("/data/products/nodes");
        assertThat(changed).singleElement().satisfies(n -> {
            assertThat(n.at("/variants/nodes/0/price").asText()).isEqualTo("9.99");
            assertThat(n.at("/variants/pageInfo/hasNextPage").asBoolean()).isTrue();
        });
    }

    @Test
    void scopesDecideWhatIsReadAndOldOrdersNeedReadAllOrders() {
        String productsOnly = fake.tokenWithScopes(Set.of("read_products"));
        JsonNode refused = TestHttpClient.json(graphQl(productsOnly, ORDERS, vars().put("first", 5)
                .put("sortKey", "UPDATED_AT").put("lines", 1)));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(refused.at("/errors/0/message").asText()).isEqualTo("Access denied for orders field. Required "
                + "access: `read_orders` access scope.");

        String recent = fake.tokenWithScopes(Set.of("read_orders"));
        int all = TestHttpClient.json(graphQl(fake.token(), "query TributaryCounts { x }", vars()))
                .at("/data/ordersCount/count").asInt();
        int visible = TestHttpClient.json(graphQl(recent, "query TributaryCounts { x }", vars()))
                .at("/data/ordersCount/count").asInt();
        assertThat(all).isEqualTo(30);
        assertThat(visible).as("orders of the last 60 days").isPositive().isLessThan(30);
    }

    @Test
    void theBucketThrottlesWithNoDataAndRestoresAtItsRate() {
        fake.throttle(100, 10);
        fake.drainBucket();
        ObjectNode page = vars().put("first", 5).put("sortKey", "UPDATED_AT").put("variants", 1);

        JsonNode throttled = data(PRODUCTS, page);
        assertThat(throttled.has("data")).isFalse();
        assertThat(throttled.at("/errors/0/extensions/code").asText()).isEqualTo("THROTTLED");
        assertThat(throttled.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(12);
        assertThat(throttled.at("/extensions/cost/throttleStatus/restoreRate").asInt()).isEqualTo(10);

        await().atMost(Duration.ofSeconds(4)).until(() -> data(PRODUCTS, page).has("data"));
        JsonNode tooBig = data(PRODUCTS, vars().put("first", 250).put("sortKey", "UPDATED_AT").put("variants", 50));
        assertThat(tooBig.at("/errors/0/extensions/code").asText()).isEqualTo("MAX_COST_EXCEEDED");
    }

    @Test
    void aBulkOperationRunsThenOffersGroupedJsonl() {
        fake.bulkDuration(Duration.ofMillis(200));
        JsonNode started = data("mutation TributaryBulkStart($query: String!) { x }",
                vars().put("query", "{ products { edges { node { id variants { edges { node { id } } } } } } }"));
        String id = started.at("/data/bulkOperationRunQuery/bulkOperation/id").asText();
        ObjectNode status = vars().put("id", id);
        assertThat(data("query TributaryBulkStatus($id: ID!) { x }", status).at("/data/bulkOperation/status").asText())
                .isEqualTo("RUNNING");

        await().atMost(Duration.ofSeconds(2)).until(() -> data("query TributaryBulkStatus($id: ID!) { x }", status)
                .at("/data/bulkOperation/status").asText().equals("COMPLETED"));
        JsonNode done = data("query TributaryBulkStatus($id: ID!) { x }", status).at("/data/bulkOperation");
        HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(done.get("url").asText())).build());
        List<String> lines = file.body().lines().toList();
        int variants = fake.products().stream().mapToInt(p -> p.variants().size()).sum();
        assertThat(lines).hasSize(12 + variants);
        assertThat(done.get("objectCount").asText()).isEqualTo(Integer.toString(12 + variants));
        String parent = null;
        for (String line : lines) {
            JsonNode node = parse(line);
            if (node.has("__parentId")) {
                assertThat(node.get("__parentId").asText()).isEqualTo(parent);
            } else {
                parent = node.get("id").asText();
            }
        }
        fake.refuseNextBulk("A bulk query operation for this app and shop is already in progress.");
        assertThat(data("mutation TributaryBulkStart($query: String!) { x }", vars().put("query", "{ orders { x } }"))
                .at("/data/bulkOperationRunQuery/userErrors/0/message").asText()).contains("already in progress");
    }

    private static JsonNode parse(String line) {
        try {
            return TestHttpClient.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not JSON: " + line, e);
        }
    }
}
