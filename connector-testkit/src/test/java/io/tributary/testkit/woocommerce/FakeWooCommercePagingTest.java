package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static io.tributary.testkit.woocommerce.WooTestClient.total;
import static io.tributary.testkit.woocommerce.WooTestClient.totalPages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging, ordering and date filters over one shared, unchanged shop. */
class FakeWooCommercePagingTest {

    private static final String PRODUCTS = "wp-json/wc/v3/products";
    private static final String ORDERS = "wp-json/wc/v3/orders";

    private static FakeWooCommerce shop;
    private static WooTestClient client;
    /** Every product, whatever its status, read once through the API. */
    private static List<JsonNode> allProducts;

    @BeforeAll
    static void start() {
        shop = FakeWooCommerce.builder().products(700).orders(400).seed(7).ssl(true).start();
        client = new WooTestClient(shop);
        allProducts = client.all(PRODUCTS, "per_page=100&status=any&orderby=id&order=asc");
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void pagingHeadersAndLinks() {
        HttpResponse<String> first = client.get(PRODUCTS + "?per_page=25&orderby=id&order=asc");
        int total = total(first);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(total).isEqualTo(allProducts.size());
        assertThat(totalPages(first)).isEqualTo((total + 24) / 25);
        assertThat(json(first)).hasSize(25);
        assertThat(first.headers().allValues("Link")).singleElement().satisfies(link -> assertThat(link)
                .isEqualTo("<" + shop.siteUrl() + PRODUCTS + "?per_page=25&orderby=id&order=asc&page=2>; rel=\"next\""));

        HttpResponse<String> second = client.get(PRODUCTS + "?page=2&per_page=25");
        assertThat(second.headers().firstValue("Link").orElseThrow())
                .contains("?page=1&per_page=25>; rel=\"prev\"").contains("?page=3&per_page=25>; rel=\"next\"");

        HttpResponse<String> last = client.get(PRODUCTS + "?per_page=25&page=" + totalPages(first));
        assertThat(last.headers().firstValue("Link").orElseThrow()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void pagePastTheEndIsEmptyWithCorrectTotals() {
        HttpResponse<String> response = client.get(PRODUCTS + "?per_page=100&page=999");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(total(response)).isEqualTo(allProducts.size());
        assertThat(totalPages(response)).isEqualTo((allProducts.size() + 99) / 100);
    }

    @Test
    void perPageMustBeBetween1And100() {
        for (String bad : List.of("0", "101", "abc")) {
            HttpResponse<String> response = client.get(PRODUCTS + "?per_page=" + bad);
            JsonNode error = json(response);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(error.path("code").asText()).isEqualTo("rest_invalid_param");
            assertThat(error.path("message").asText()).isEqualTo("Invalid parameter(s): per_page");
            assertThat(error.path("data").path("status").asInt()).isEqualTo(400);
            assertThat(error.path("data").path("params").path("per_page").asText())
                    .isIn("per_page must be between 1 (inclusive) and 100 (inclusive)", "per_page is not of type integer.");
        }
        assertThat(json(client.get(PRODUCTS + "?per_page=100"))).hasSize(100);
        assertThat(json(client.get(PRODUCTS + "?per_page=1"))).hasSize(1);
        assertThat(json(client.get(PRODUCTS))).hasSize(10);
    }

    @Test
    void invalidOrderbyAndOrderAreReportedTogether() {
        HttpResponse<String> response = client.get(PRODUCTS + "?orderby=sku&order=up");
        JsonNode error = json(response);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("message").asText()).isEqualTo("Invalid parameter(s): order, orderby");
        assertThat(error.path("data").path("params").path("order").asText()).isEqualTo("order is not one of asc and desc.");
    }

    @Test
    void offsetSkipsItems() {
        List<Integer> firstTen = ids(json(client.get(PRODUCTS + "?orderby=id&order=asc&per_page=10")));
        List<Integer> fromFive = ids(json(client.get(PRODUCTS + "?orderby=id&order=asc&per_page=5&offset=5")));
        assertThat(fromFive).isEqualTo(firstTen.subList(5, 10));
    }

    @Test
    void productListHasNoVariationsAndDefaultsToNewestFirst() {
        Set<Integer> variationIds = new HashSet<>();
        for (JsonNode product : allProducts) {
            product.path("variations").forEach(v -> variationIds.add(v.asInt()));
        }
        assertThat(variationIds).isNotEmpty();
        assertThat(ids(allProducts)).doesNotContainAnyElementsOf(variationIds);

        List<JsonNode> newest = new ArrayList<>();
        json(client.get(PRODUCTS + "?per_page=20")).forEach(newest::add);
        assertThat(newest).isSortedAccordingTo(Comparator.comparing((JsonNode p) -> p.path("date_created").asText())
                .thenComparing(p -> p.path("id").asInt()).reversed());
    }

    @Test
    void orderbyModifiedUsesTheIdAsTieBreakerInTheSameDirection() {
        List<JsonNode> ascending = client.all(PRODUCTS, "per_page=100&orderby=modified&order=asc");
        List<JsonNode> descending = client.all(PRODUCTS, "per_page=100&orderby=modified&order=desc");
        Comparator<JsonNode> byModifiedThenId = Comparator.comparing((JsonNode p) -> p.path("date_modified").asText())
                .thenComparingInt(p -> p.path("id").asInt());

        assertThat(ascending).hasSize(publishedOrOther(p -> true)).isSortedAccordingTo(byModifiedThenId);
        assertThat(descending).isSortedAccordingTo(byModifiedThenId.reversed());
        assertThat(ids(descending)).containsExactlyElementsOf(reversed(ids(ascending)));
    }

    @Test
    void aGroupOfMoreThan100ProductsSharesOneModificationSecond() {
        Map<String, List<JsonNode>> bySecond = allProducts.stream()
                .collect(Collectors.groupingBy(p -> p.path("date_modified_gmt").asText()));
        List<JsonNode> largest = bySecond.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        long groups = bySecond.values().stream().filter(group -> group.size() > 1).count();

        assertThat(largest.size()).isGreaterThan(100);
        assertThat(groups).isGreaterThan(3);
        assertThat(shop.seedSummary().largestProductGroup()).isEqualTo(largest.size());
    }

    @Test
    void pagingThroughAnEqualTimestampGroupLosesAndRepeatsNothing() {
        String second = largestGroupSecond();
        String justBefore = minusOneSecond(second);
        Set<Integer> expected = allProducts.stream()
                .filter(p -> !p.path("status").asText().equals("trash"))
                .filter(p -> p.path("date_modified_gmt").asText().compareTo(justBefore) > 0)
                .map(p -> p.path("id").asInt()).collect(Collectors.toSet());

        List<JsonNode> walked = client.all(PRODUCTS,
                "per_page=7&orderby=modified&order=asc&dates_are_gmt=true&modified_after=" + justBefore);

        assertThat(ids(walked)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walked.subList(0, 101)).allSatisfy(p -> assertThat(p.path("date_modified_gmt").asText()).isEqualTo(second));
    }

    @Test
    void modifiedAfterIsExclusive() {
        String second = largestGroupSecond();
        List<JsonNode> after = client.all(PRODUCTS, "per_page=100&dates_are_gmt=true&modified_after=" + second);
        List<JsonNode> fromJustBefore = client.all(PRODUCTS,
                "per_page=100&dates_are_gmt=true&modified_after=" + minusOneSecond(second));

        assertThat(after).isNotEmpty().allSatisfy(p -> assertThat(p.path("date_modified_gmt").asText()).isGreaterThan(second));
        assertThat(after).hasSize(publishedOrOther(p -> p.path("date_modified_gmt").asText().compareTo(second) > 0));
        assertThat(fromJustBefore.size() - after.size()).isGreaterThan(100);
    }

    @Test
    void modifiedBeforeIsExclusiveToo() {
        String second = largestGroupSecond();
        List<JsonNode> before = client.all(PRODUCTS, "per_page=100&dates_are_gmt=true&modified_before=" + second);

        assertThat(before).isNotEmpty().allSatisfy(p -> assertThat(p.path("date_modified_gmt").asText()).isLessThan(second));
        assertThat(before).hasSize(publishedOrOther(p -> p.path("date_modified_gmt").asText().compareTo(second) < 0));
    }

    @Test
    void datesAreGmtChoosesTheColumn() {
        // One second before a product's local modification time: after the bound in local time,
        // but (Paris being ahead of UTC) before it in GMT.
        JsonNode product = allProducts.stream().filter(p -> p.path("status").asText().equals("publish")).findFirst()
                .orElseThrow();
        String bound = minusOneSecond(product.path("date_modified").asText());
        int id = product.path("id").asInt();

        List<JsonNode> gmt = client.all(PRODUCTS, "per_page=100&dates_are_gmt=true&modified_after=" + bound);
        List<JsonNode> local = client.all(PRODUCTS, "per_page=100&dates_are_gmt=false&modified_after=" + bound);
        List<JsonNode> byDefault = client.all(PRODUCTS, "per_page=100&modified_after=" + bound);

        assertThat(gmt).hasSize(publishedOrOther(p -> p.path("date_modified_gmt").asText().compareTo(bound) > 0));
        assertThat(local).hasSize(publishedOrOther(p -> p.path("date_modified").asText().compareTo(bound) > 0));
        assertThat(ids(local)).contains(id);
        assertThat(ids(gmt)).doesNotContain(id);
        assertThat(ids(byDefault)).containsExactlyInAnyOrderElementsOf(ids(local));
    }

    @Test
    void aZoneDesignatorIsConvertedToSiteTimeLikeWpDateQuery() {
        // 10:00Z is 12:00 in Paris in summer; WordPress compares that wall time with the column, GMT or not.
        List<Integer> withZ = ids(client.all(PRODUCTS, "per_page=100&dates_are_gmt=true&modified_after=2024-07-01T10:00:00Z"));
        List<Integer> asParisWallTime = ids(client.all(PRODUCTS,
                "per_page=100&dates_are_gmt=true&modified_after=2024-07-01T12:00:00"));
        assertThat(withZ).isEqualTo(asParisWallTime);
    }

    @Test
    void afterAndBeforeFilterTheCreationDate() {
        List<JsonNode> created = client.all(PRODUCTS, "per_page=100&dates_are_gmt=true&after=2024-03-01T00:00:00"
                + "&before=2024-04-01T00:00:00");
        assertThat(created).isNotEmpty().allSatisfy(p -> assertThat(p.path("date_created_gmt").asText())
                .isBetween("2024-03-01T00:00:01", "2024-03-31T23:59:59"));
    }

    @Test
    void statusSkuIncludeAndFieldsFilter() {
        List<JsonNode> drafts = client.all(PRODUCTS, "per_page=100&status=draft");
        assertThat(drafts).isNotEmpty().allSatisfy(p -> assertThat(p.path("status").asText()).isEqualTo("draft"));

        JsonNode withSku = allProducts.stream().filter(p -> !p.path("sku").asText().isEmpty()).findFirst().orElseThrow();
        JsonNode bySku = json(client.get(PRODUCTS + "?sku=" + withSku.path("sku").asText()));
        assertThat(ids(bySku)).containsExactly(withSku.path("id").asInt());

        int a = allProducts.get(3).path("id").asInt();
        int b = allProducts.get(1).path("id").asInt();
        JsonNode included = json(client.get(PRODUCTS + "?include=" + a + "," + b + "&orderby=include&_fields=id,name"));
        assertThat(ids(included)).containsExactly(a, b);
        assertThat(included.get(0).properties()).extracting(Map.Entry::getKey).containsExactly("id", "name");

        HttpResponse<String> invalidStatus = client.get(PRODUCTS + "?status=publish,draft");
        assertThat(invalidStatus.statusCode()).isEqualTo(400);
    }

    @Test
    void ordersFilterByAListOfStatuses() {
        List<JsonNode> orders = client.all(ORDERS, "per_page=100&status=completed,refunded");
        assertThat(orders).isNotEmpty().allSatisfy(o -> assertThat(o.path("status").asText()).isIn("completed", "refunded"));
        assertThat(orders.stream().map(o -> o.path("status").asText()).distinct()).hasSize(2);
    }

    @Test
    void ordersPageByModifiedWithTheSameHeaders() {
        HttpResponse<String> response = client.get(ORDERS + "?per_page=100&orderby=modified&order=asc&dates_are_gmt=true");
        assertThat(total(response)).isEqualTo(400);
        assertThat(totalPages(response)).isEqualTo(4);
        List<JsonNode> all = client.all(ORDERS, "per_page=100&orderby=modified&order=asc");
        assertThat(all).isSortedAccordingTo(Comparator.comparing((JsonNode o) -> o.path("date_modified_gmt").asText())
                .thenComparingInt(o -> o.path("id").asInt()));
    }

    private static String largestGroupSecond() {
        return allProducts.stream().collect(Collectors.groupingBy(p -> p.path("date_modified_gmt").asText(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static String minusOneSecond(String wallTime) {
        return LocalDateTime.parse(wallTime).minusSeconds(1).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
    }

    /** How many products that are not in the trash match. */
    private static int publishedOrOther(Predicate<JsonNode> predicate) {
        return (int) allProducts.stream().filter(p -> !p.path("status").asText().equals("trash")).filter(predicate).count();
    }

    static List<Integer> ids(Iterable<JsonNode> items) {
        List<Integer> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asInt()));
        return ids;
    }

    private static List<Integer> reversed(List<Integer> list) {
        List<Integer> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
