package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.FakeWooCommercePagingTest.ids;
import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the seeded shop contains, and that a seed always gives the same shop. */
class FakeWooCommerceCatalogueTest {

    private static final String PRODUCTS = "wp-json/wc/v3/products";
    private static final String ORDERS = "wp-json/wc/v3/orders";
    private static final String PRICE = "\\d+\\.\\d{2}";

    private static FakeWooCommerce shop;
    private static WooTestClient client;
    private static List<JsonNode> products;
    private static List<JsonNode> orders;

    @BeforeAll
    static void start() {
        shop = FakeWooCommerce.builder().products(500).orders(300).seed(11).ssl(true).start();
        client = new WooTestClient(shop);
        products = client.all(PRODUCTS, "per_page=100&status=any");
        orders = client.all(ORDERS, "per_page=100");
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void productsAreSimpleOrVariableWithPlausibleFields() {
        long variable = products.stream().filter(p -> p.path("type").asText().equals("variable")).count();

        assertThat(products).hasSize(500);
        assertThat(products).extracting(p -> p.path("type").asText()).containsOnly("simple", "variable");
        assertThat(variable).isBetween(60L, 140L);
        assertThat(products).extracting(p -> p.path("status").asText()).contains("publish", "draft");
        assertThat(products.stream().filter(p -> p.path("status").asText().equals("publish")).count()).isGreaterThan(400);
        assertThat(products.stream().filter(p -> p.path("sku").asText().isEmpty()).count()).isBetween(1L, 50L);
        assertThat(products).extracting(p -> p.path("name").asText()).anyMatch(name -> name.contains("日本茶"))
                .anyMatch(name -> name.contains("Grüner Tee")).anyMatch(name -> name.contains("Smørrebrød"))
                .anyMatch(name -> name.contains("Žlutá konvice")).anyMatch(name -> name.contains("Café crème 250 g"));
        assertThat(products).allSatisfy(p -> {
            assertThat(p.path("id").isInt()).isTrue();
            assertThat(p.path("date_modified_gmt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            assertThat(p.path("date_modified_gmt").asText()).isGreaterThanOrEqualTo(p.path("date_created_gmt").asText());
            assertThat(p.path("stock_status").asText()).isIn("instock", "outofstock", "onbackorder");
        });
    }

    @Test
    void simpleProductPricesAreTwoDecimalStringsAndSalesSetThePrice() {
        List<JsonNode> simple = products.stream().filter(p -> p.path("type").asText().equals("simple")).toList();
        List<JsonNode> onSale = simple.stream().filter(p -> p.path("on_sale").asBoolean()).toList();

        assertThat(simple).allSatisfy(p -> {
            assertThat(p.path("regular_price").isTextual()).isTrue();
            assertThat(p.path("regular_price").asText()).matches(PRICE);
        });
        assertThat(onSale).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("price").asText()).isEqualTo(p.path("sale_price").asText());
            assertThat(new BigDecimal(p.path("sale_price").asText())).isLessThan(new BigDecimal(p.path("regular_price").asText()));
        });
        assertThat(simple.stream().filter(p -> !p.path("on_sale").asBoolean()))
                .allSatisfy(p -> assertThat(p.path("price").asText()).isEqualTo(p.path("regular_price").asText()));
    }

    @Test
    void variableProductsHaveTwoToFourVariationsServedUnderThem() {
        List<JsonNode> variable = products.stream().filter(p -> p.path("type").asText().equals("variable")).toList();
        assertThat(variable).allSatisfy(p -> assertThat(p.path("variations").size()).isBetween(2, 4));

        JsonNode parent = variable.get(0);
        int parentId = parent.path("id").asInt();
        HttpResponse<String> response = client.get(PRODUCTS + "/" + parentId + "/variations?per_page=1");
        List<JsonNode> variations = client.all(PRODUCTS + "/" + parentId + "/variations", "per_page=100");

        assertThat(WooTestClient.total(response)).isEqualTo(parent.path("variations").size());
        assertThat(ids(variations)).containsExactlyInAnyOrderElementsOf(toInts(parent.path("variations")));
        assertThat(variations).allSatisfy(v -> {
            assertThat(v.path("parent_id").asInt()).isEqualTo(parentId);
            assertThat(v.path("type").asText()).isEqualTo("variation");
            assertThat(v.path("regular_price").asText()).matches(PRICE);
        });
        int variationId = variations.get(0).path("id").asInt();
        assertThat(json(client.get(PRODUCTS + "/" + parentId + "/variations/" + variationId)).path("id").asInt())
                .isEqualTo(variationId);
        assertThat(client.get(PRODUCTS + "/" + (parentId + 100_000) + "/variations/" + variationId).statusCode()).isEqualTo(404);
    }

    @Test
    void ordersReferenceRealProductsAndTheirTotalsAddUp() {
        Map<Integer, JsonNode> byId = new HashMap<>();
        products.forEach(p -> byId.put(p.path("id").asInt(), p));

        assertThat(orders).hasSize(300);
        assertThat(orders).extracting(o -> o.path("status").asText()).contains("pending", "processing", "completed",
                "cancelled", "refunded", "failed");
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.path("currency").asText()).isEqualTo("EUR");
            assertThat(order.path("number").asText()).isEqualTo(order.path("id").asText());
            assertThat(order.path("billing").path("email").asText()).contains("@");
            assertThat(order.path("line_items").size()).isBetween(1, 4);
            BigDecimal lines = BigDecimal.ZERO;
            BigDecimal lineTax = BigDecimal.ZERO;
            for (JsonNode line : order.path("line_items")) {
                JsonNode product = byId.get(line.path("product_id").asInt());
                assertThat(product).as("product %s", line.path("product_id")).isNotNull();
                if (line.path("variation_id").asInt() != 0) {
                    assertThat(toInts(product.path("variations"))).contains(line.path("variation_id").asInt());
                }
                assertThat(line.path("price").isNumber()).isTrue();
                assertThat(line.path("total").isTextual()).isTrue();
                assertThat(line.path("subtotal").asText()).matches(PRICE);
                assertThat(line.path("price").decimalValue().multiply(BigDecimal.valueOf(line.path("quantity").asInt())))
                        .isEqualByComparingTo(line.path("total").asText());
                lines = lines.add(new BigDecimal(line.path("total").asText()));
                lineTax = lineTax.add(new BigDecimal(line.path("total_tax").asText()));
            }
            BigDecimal shipping = new BigDecimal(order.path("shipping_total").asText());
            BigDecimal totalTax = new BigDecimal(order.path("total_tax").asText());
            assertThat(totalTax).isEqualByComparingTo(lineTax.add(new BigDecimal(order.path("shipping_tax").asText())));
            assertThat(new BigDecimal(order.path("total").asText())).isEqualByComparingTo(lines.add(shipping).add(totalTax)
                    .subtract(new BigDecimal(order.path("discount_total").asText())));
            assertThat(order.path("total").asText()).matches(PRICE);
        });
    }

    @Test
    void jsonIsEscapedLikePhp() {
        HttpResponse<String> response = client.get(PRODUCTS + "?per_page=100&search=" + "Gr%C3%BCner");
        assertThat(json(response)).isNotEmpty();
        assertThat(response.body()).contains("Gr\\u00fcner Tee").contains("http:\\/\\/127.0.0.1").doesNotContain("Grüner");
    }

    @Test
    void timesLieInThePastAndTheClockStartsAfterThem() {
        String newest = products.stream().map(p -> p.path("date_modified_gmt").asText()).max(String::compareTo).orElseThrow();
        String oldest = products.stream().map(p -> p.path("date_created_gmt").asText()).min(String::compareTo).orElseThrow();

        assertThat(oldest).isGreaterThanOrEqualTo("2024-01-01T00:00:00");
        assertThat(newest).isLessThan("2025-06-30T00:00:01");
        assertThat(shop.clock().instant()).isEqualTo(Instant.parse("2025-06-30T01:00:00Z"));
        assertThat(shop.seedSummary().newestModified()).isBefore(shop.clock().instant());
    }

    @Test
    void theSameSeedGivesByteIdenticalJson() {
        URI home = URI.create("https://shop.example/");
        try (FakeWooCommerce a = FakeWooCommerce.builder().products(300).orders(200).seed(5).ssl(true).homeUrl(home).start();
                FakeWooCommerce b = FakeWooCommerce.builder().products(300).orders(200).seed(5).ssl(true).homeUrl(home).start();
                FakeWooCommerce c = FakeWooCommerce.builder().products(300).orders(200).seed(6).ssl(true).homeUrl(home).start()) {
            WooTestClient ca = new WooTestClient(a);
            WooTestClient cb = new WooTestClient(b);
            WooTestClient cc = new WooTestClient(c);
            assertThat(a.consumerKey()).isEqualTo(b.consumerKey()).isNotEqualTo(c.consumerKey());
            for (String path : List.of(PRODUCTS + "?per_page=100&page=2&orderby=modified", ORDERS + "?per_page=100",
                    PRODUCTS + "?per_page=100&status=draft")) {
                String fromA = ca.get(path).body();
                assertThat(cb.get(path).body()).as(path).isEqualTo(fromA);
                assertThat(cc.get(path).body()).as(path).isNotEqualTo(fromA);
            }
        }
    }

    @Test
    void aHundredThousandProductsStartAndPageQuickly() {
        long start = System.nanoTime();
        try (FakeWooCommerce big = FakeWooCommerce.builder().products(100_000).orders(0).ssl(true).start()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - start);
            WooTestClient bigClient = new WooTestClient(big);
            String query = PRODUCTS + "?per_page=100&orderby=modified&order=asc&dates_are_gmt=true&_fields=id,date_modified_gmt";
            bigClient.get(query);
            long pages = System.nanoTime();
            Set<Integer> seen = new HashSet<>();
            for (int page = 400; page < 420; page++) {
                seen.addAll(ids(json(bigClient.get(query + "&page=" + page))));
            }
            Duration twentyPages = Duration.ofNanos(System.nanoTime() - pages);

            assertThat(big.seedSummary().products()).isEqualTo(100_000);
            assertThat(startup).isLessThan(Duration.ofSeconds(10));
            assertThat(twentyPages).isLessThan(Duration.ofSeconds(3));
            assertThat(seen).hasSize(2_000);
        }
    }

    private static List<Integer> toInts(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
