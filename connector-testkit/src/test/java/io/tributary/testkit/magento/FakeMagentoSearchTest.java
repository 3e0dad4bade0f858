package io.tributary.testkit.magento;

import static io.tributary.testkit.magento.MagentoTestClient.json;
import static io.tributary.testkit.magento.MagentoTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** searchCriteria filters, sorting, paging, fields and store codes over one shared, unchanged shop. */
class FakeMagentoSearchTest {

    private static final String PRODUCTS = "rest/V1/products?";
    private static final String SORTED = query("searchCriteria[sortOrders][0][field]", "updated_at",
            "searchCriteria[sortOrders][0][direction]", "asc", "searchCriteria[sortOrders][1][field]", "entity_id",
            "searchCriteria[sortOrders][1][direction]", "ASC");

    private static FakeMagento shop;
    private static MagentoTestClient client;

    @BeforeAll
    static void start() {
        shop = FakeMagento.builder().products(260).orders(320).seed(7).start();
        client = new MagentoTestClient(shop);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.get("items").forEach(items::add);
        return items;
    }

    @Test
    void searchCriteriaIsRequired() {
        HttpResponse<String> response = client.get("rest/V1/products");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"%fieldName is a required field.\",\"parameters\":"
                + "{\"fieldName\":\"searchCriteria\"}}");
        assertThat(ok(client.get(PRODUCTS + "searchCriteria=")).get("total_count").asInt())
                .isEqualTo(shop.productIds().size());
    }

    @Test
    void pagesStopOnTotalCountAndAPagePastTheEndRepeatsTheLast() {
        int total = shop.productIds().size();
        Set<Integer> seen = new HashSet<>();
        int pages = (total + 99) / 100;
        for (int page = 1; page <= pages; page++) {
            JsonNode list = ok(client.get(PRODUCTS + SORTED + "&" + query("searchCriteria[pageSize]", "100",
                    "searchCriteria[currentPage]", Integer.toString(page))));
            assertThat(list.get("total_count").asInt()).isEqualTo(total);
            assertThat(list.get("search_criteria").get("current_page").asInt()).isEqualTo(page);
            items(list).forEach(item -> assertThat(seen.add(item.get("id").asInt())).isTrue());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(shop.productIds());

        JsonNode last = ok(client.get(PRODUCTS + SORTED + "&" + query("searchCriteria[page_size]", "100",
                "searchCriteria[current_page]", Integer.toString(pages))));
        JsonNode beyond = ok(client.get(PRODUCTS + SORTED + "&" + query("searchCriteria[pageSize]", "100",
                "searchCriteria[currentPage]", Integer.toString(pages + 5))));
        assertThat(beyond.get("items")).isEqualTo(last.get("items"));
        assertThat(beyond.get("total_count").asInt()).isEqualTo(total);
    }

    @Test
    void sortsByUpdatedAtThenIdAndHasAnEqualSecondGroupLargerThanAPage() {
        List<JsonNode> all = items(ok(client.get(PRODUCTS + SORTED)));
        Map<String, Integer> perSecond = new HashMap<>();
        for (int i = 1; i < all.size(); i++) {
            JsonNode a = all.get(i - 1);
            JsonNode b = all.get(i);
            int byTime = a.get("updated_at").asText().compareTo(b.get("updated_at").asText());
            assertThat(byTime < 0 || (byTime == 0 && a.get("id").asInt() < b.get("id").asInt())).isTrue();
        }
        all.forEach(item -> perSecond.merge(item.get("updated_at").asText(), 1, Integer::sum));
        assertThat(perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(100);

        List<JsonNode> orders = items(ok(client.get("rest/V1/orders?" + SORTED)));
        Map<String, Integer> ordersPerSecond = new HashMap<>();
        orders.forEach(item -> ordersPerSecond.merge(item.get("updated_at").asText(), 1, Integer::sum));
        assertThat(ordersPerSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(100);
    }

    @Test
    void filtersAreOredWithinAGroupAndAndedAcrossGroups() {
        List<JsonNode> all = items(ok(client.get(PRODUCTS + SORTED)));
        JsonNode pivot = all.get(all.size() / 2);
        String second = pivot.get("updated_at").asText();
        int id = pivot.get("id").asInt();

        List<JsonNode> after = items(ok(client.get(PRODUCTS + MagentoTestClient.after(second, id, 1000))));

        List<JsonNode> expected = all.subList(all.size() / 2 + 1, all.size());
        assertThat(after).extracting(n -> n.get("id").asInt())
                .containsExactlyElementsOf(expected.stream().map(n -> n.get("id").asInt()).toList());
    }

    @Test
    void timesAreUtcWithoutZoneAndFiltersCompareThem() {
        JsonNode first = items(ok(client.get(PRODUCTS + SORTED))).get(0);
        assertThat(first.get("updated_at").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        String at = first.get("updated_at").asText();
        JsonNode eq = ok(client.get(PRODUCTS + query("searchCriteria[filterGroups][0][filters][0][field]", "updated_at",
                "searchCriteria[filterGroups][0][filters][0][value]", at.replace(' ', 'T'),
                "searchCriteria[filterGroups][0][filters][0][conditionType]", "lteq")));
        assertThat(items(eq)).allSatisfy(item -> assertThat(item.get("updated_at").asText()).isLessThanOrEqualTo(at));
        assertThat(items(eq)).extracting(n -> n.get("id").asInt()).contains(first.get("id").asInt());
    }

    @Test
    void badCriteriaAnswerMagentosErrorsWithPlaceholders() {
        HttpResponse<String> direction = client.get(PRODUCTS + query("searchCriteria[sortOrders][0][field]", "sku",
                "searchCriteria[sortOrders][0][direction]", "UP"));
        assertThat(direction.statusCode()).isEqualTo(400);
        assertThat(json(direction).get("message").asText())
                .isEqualTo("The sort order has to be specified as %1 for ascending order or %2 for descending order.");
        assertThat(json(direction).get("parameters")).hasSize(2);

        HttpResponse<String> size = client.get(PRODUCTS + query("searchCriteria[pageSize]", "ten"));
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(json(size).get("parameters").get("value").asText()).isEqualTo("ten");
        assertThat(json(size).get("parameters").get("type").asText()).isEqualTo("int");
    }

    @Test
    void fieldsAnswerAPartialResponse() {
        JsonNode partial = ok(client.get(PRODUCTS + query("searchCriteria[pageSize]", "3", "fields",
                "items[id,extension_attributes[configurable_product_links]],total_count")));
        assertThat(partial.has("search_criteria")).isFalse();
        assertThat(partial.get("total_count").asInt()).isEqualTo(shop.productIds().size());
        assertThat(partial.get("items").get(0).has("sku")).isFalse();
        assertThat(partial.get("items").get(0).has("id")).isTrue();
        JsonNode count = ok(client.get("rest/V1/orders?" + query("searchCriteria[pageSize]", "1", "fields", "total_count")));
        assertThat(count.size()).isEqualTo(1);
    }

    @Test
    void configurableProductsLinkTheirChildrenAndOrdersCarryParentAndChildItems() {
        int configurable = shop.productIds().stream().filter(id -> !shop.childIds(id).isEmpty()).findFirst().orElseThrow();
        JsonNode parent = shop.product(configurable);
        assertThat(parent.get("type_id").asText()).isEqualTo("configurable");
        JsonNode links = parent.get("extension_attributes").get("configurable_product_links");
        assertThat(links).extracting(JsonNode::asInt).containsExactlyElementsOf(shop.childIds(configurable));
        JsonNode child = shop.product(shop.childIds(configurable).get(0));
        assertThat(child.get("visibility").asInt()).isEqualTo(1);
        assertThat(shop.parentIds(child.get("id").asInt())).containsExactly(configurable);

        JsonNode order = shop.orderIds().stream().map(shop::order)
                .filter(o -> o.get("items").findValues("parent_item_id").size() > 0).findFirst().orElseThrow();
        JsonNode childItem = null;
        for (JsonNode item : order.get("items")) {
            if (item.has("parent_item_id")) {
                childItem = item;
            }
        }
        assertThat(childItem.get("price").decimalValue()).isZero();
        assertThat(childItem.get("parent_item").get("item_id").asInt()).isEqualTo(childItem.get("parent_item_id").asInt());
        assertThat(childItem.get("parent_item").get("product_type").asText()).isEqualTo("configurable");
        assertThat(childItem.get("parent_item").get("sku").asText()).isEqualTo(childItem.get("sku").asText());
    }

    @Test
    void storeCodesIndexPhpAndPagesOutsideRest() {
        assertThat(ok(client.get("rest/de/V1/store/storeConfigs"))).hasSize(2);
        assertThat(ok(client.get("rest/all/V1/products?searchCriteria[pageSize]=1".replace("[", "%5B").replace("]", "%5D")))
                .get("items")).hasSize(1);
        assertThat(ok(client.get("index.php/rest/default/V1/store/storeViews")).get(1).get("name").asText())
                .isEqualTo("Café Lumière");
        HttpResponse<String> unknown = client.get("rest/nowhere/V1/store/storeConfigs");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText()).isEqualTo("Request does not match any route.");
        HttpResponse<String> home = client.anonymous("");
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(client.anonymous("customer/account").statusCode()).isEqualTo(404);
    }

    @Test
    void jsonIsEscapedAsPhpDoes() {
        HttpResponse<String> configs = client.get("rest/V1/store/storeViews");
        assertThat(configs.body()).contains("Caf\\u00e9 Lumi\\u00e8re");
        HttpResponse<String> urls = client.get("rest/V1/store/storeConfigs");
        assertThat(urls.body()).contains("http:\\/\\/127.0.0.1:");
    }
}
