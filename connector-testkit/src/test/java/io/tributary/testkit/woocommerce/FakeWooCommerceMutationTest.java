package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.FakeWooCommercePagingTest.ids;
import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.http.Fault;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edits, the shop clock, the edit hook during a page walk, and faults on the shop's routes. */
class FakeWooCommerceMutationTest {

    private static final String PRODUCTS = "wp-json/wc/v3/products";
    private static final String CLOCK_START = "2025-06-30T01:00:00";

    private final FakeWooCommerce shop = FakeWooCommerce.builder().products(120).orders(60).seed(9).ssl(true).start();
    private final WooTestClient client = new WooTestClient(shop);

    @AfterEach
    void close() {
        shop.close();
    }

    private int simpleProduct() {
        return shop.productIds().stream().filter(id -> shop.product(id).path("type").asText().equals("simple"))
                .filter(id -> shop.product(id).path("status").asText().equals("publish")).findFirst().orElseThrow();
    }

    private int variableProduct() {
        return shop.productIds().stream().filter(id -> shop.product(id).path("type").asText().equals("variable"))
                .findFirst().orElseThrow();
    }

    @Test
    void editSetsTheModificationTimeFromTheShopClock() {
        int id = simpleProduct();
        String before = shop.product(id).path("date_modified_gmt").asText();

        shop.editProduct(id, p -> p.regularPrice("13.00").salePrice(null).stockQuantity(0));
        JsonNode edited = json(client.get(PRODUCTS + "/" + id));

        assertThat(before).isLessThan(CLOCK_START);
        assertThat(edited.path("price").asText()).isEqualTo("13.00");
        assertThat(edited.path("stock_quantity").asInt()).isZero();
        assertThat(edited.path("stock_status").asText()).isEqualTo("outofstock");
        assertThat(edited.path("date_modified_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(edited.path("date_modified").asText()).isEqualTo("2025-06-30T03:00:00");
        assertThat(shop.product(id)).isEqualTo(edited);
    }

    @Test
    void editsShareTheSecondUntilTheClockMoves() {
        int first = simpleProduct();
        int second = shop.productIds().stream().filter(id -> id != first)
                .filter(id -> shop.product(id).path("type").asText().equals("simple")).findFirst().orElseThrow();

        shop.editProduct(first, p -> p.name("Grüner Tee – neu"));
        shop.editProduct(second, p -> p.status("draft"));
        shop.clock().advance(Duration.ofMinutes(5));
        shop.editProduct(first, p -> p.sku("NEW-1"));

        assertThat(shop.product(second).path("date_modified_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(shop.product(first).path("date_modified_gmt").asText()).isEqualTo("2025-06-30T01:05:00");
        assertThat(ids(json(client.get(PRODUCTS + "?dates_are_gmt=true&modified_after=" + CLOCK_START)))).containsExactly(first);
        assertThatThrownBy(() -> shop.clock().advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editTickMovesTheClockAfterEachEdit() {
        try (FakeWooCommerce ticking = FakeWooCommerce.builder().products(20).orders(0).editTick(Duration.ofSeconds(1)).start()) {
            List<Integer> ids = ticking.productIds();
            ticking.editProduct(ids.get(0), p -> p.status("publish"));
            ticking.editProduct(ids.get(1), p -> p.status("publish"));
            assertThat(ticking.product(ids.get(1)).path("date_modified_gmt").asText())
                    .isGreaterThan(ticking.product(ids.get(0)).path("date_modified_gmt").asText());
        }
    }

    @Test
    void editingAVariationSavesItsParentToo() {
        int parent = variableProduct();
        int variation = shop.variationIds(parent).get(0);

        shop.editVariation(parent, variation, v -> v.regularPrice("1.10").salePrice("0.99"));

        JsonNode v = json(client.get(PRODUCTS + "/" + parent + "/variations/" + variation));
        JsonNode p = json(client.get(PRODUCTS + "/" + parent));
        assertThat(v.path("price").asText()).isEqualTo("0.99");
        assertThat(v.path("date_modified_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(p.path("date_modified_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(p.path("price").asText()).isEqualTo("0.99");
        assertThat(p.path("on_sale").asBoolean()).isTrue();
    }

    @Test
    void stockChangeWithoutModificationDateIsInvisibleToIncrementalQueries() {
        int id = simpleProduct();
        String modified = shop.product(id).path("date_modified_gmt").asText();

        shop.editProductKeepingModifiedDate(id, p -> p.stockQuantity(3));

        assertThat(shop.product(id).path("stock_quantity").asInt()).isEqualTo(3);
        assertThat(shop.product(id).path("date_modified_gmt").asText()).isEqualTo(modified);
        assertThat(json(client.get(PRODUCTS + "?dates_are_gmt=true&modified_after=" + "2025-06-30T00:00:00"))).isEmpty();
    }

    @Test
    void addedRecordsGetNewIdsAndTheClockTime() {
        int lastSeededOrder = shop.orderIds().get(shop.orderIds().size() - 1);
        int product = shop.addSimpleProduct(p -> p.name("Smørrebrød deluxe").sku("SMO-1").regularPrice("9.90"));
        int variable = shop.addVariableProduct(3, p -> p.name("Matcha 抹茶 set"));
        int order = shop.addOrder(List.of(OrderLine.of(product, 2), new OrderLine(variable, shop.variationIds(variable).get(1), 1)),
                o -> o.status("completed"));

        assertThat(product).isGreaterThan(lastSeededOrder);
        assertThat(variable).isGreaterThan(product);
        assertThat(order).isGreaterThan(shop.variationIds(variable).get(2));
        JsonNode created = json(client.get(PRODUCTS + "?sku=SMO-1"));
        assertThat(ids(created)).containsExactly(product);
        assertThat(created.get(0).path("date_created_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(shop.variationIds(variable)).hasSize(3);

        JsonNode o = json(client.get("wp-json/wc/v3/orders/" + order));
        assertThat(o.path("status").asText()).isEqualTo("completed");
        assertThat(o.path("date_completed_gmt").asText()).isEqualTo(CLOCK_START);
        assertThat(o.path("line_items").get(0).path("total").asText()).isEqualTo("19.80");
        assertThat(o.path("line_items").get(0).path("price").decimalValue()).isEqualByComparingTo("9.9");
        BigDecimal lines = new BigDecimal(o.path("line_items").get(0).path("total").asText())
                .add(new BigDecimal(o.path("line_items").get(1).path("total").asText()));
        assertThat(new BigDecimal(o.path("total").asText())).isEqualByComparingTo(lines
                .add(new BigDecimal(o.path("shipping_total").asText())).add(new BigDecimal(o.path("total_tax").asText())));
    }

    @Test
    void trashAndDelete() {
        int trashed = simpleProduct();
        int deleted = shop.productIds().stream().filter(id -> id != trashed).findFirst().orElseThrow();

        shop.editProduct(trashed, p -> p.status("trash"));
        shop.deleteProduct(deleted);

        assertThat(ids(client.all(PRODUCTS, "per_page=100"))).doesNotContain(trashed, deleted);
        assertThat(ids(json(client.get(PRODUCTS + "?status=trash")))).containsExactly(trashed);
        assertThat(client.get(PRODUCTS + "/" + trashed).statusCode()).isEqualTo(200);
        assertThat(client.get(PRODUCTS + "/" + deleted).statusCode()).isEqualTo(404);
    }

    @Test
    void orderEditChangesStatusAndTime() {
        int order = shop.orderIds().get(0);
        shop.clock().advance(Duration.ofHours(1));
        shop.editOrder(order, o -> o.status("refunded").customerNote("Remboursé"));

        JsonNode o = json(client.get("wp-json/wc/v3/orders/" + order));
        assertThat(o.path("status").asText()).isEqualTo("refunded");
        assertThat(o.path("date_modified_gmt").asText()).isEqualTo("2025-06-30T02:00:00");
        assertThat(ids(json(client.get("wp-json/wc/v3/orders?dates_are_gmt=true&modified_after=" + CLOCK_START))))
                .containsExactly(order);
    }

    @Test
    void anEditDuringAPageWalkShiftsTheLaterPages() {
        String query = PRODUCTS + "?per_page=20&orderby=modified&order=asc&dates_are_gmt=true";
        List<Integer> firstPage = ids(json(client.get(query + "&page=1")));
        int edited = firstPage.get(0);
        shop.afterRequests("/wp-json/wc/v3/products", 2, () -> shop.editProduct(edited, p -> p.name("Edited mid-sync")));

        List<JsonNode> walked = new ArrayList<>();
        int total = 0;
        for (int page = 1; page <= 10; page++) {
            HttpResponse<String> response = client.get(query + "&page=" + page);
            total = WooTestClient.total(response);
            json(response).forEach(walked::add);
        }

        // The edit moved the product from page 1 to the very end: seen twice, and one product that
        // was on page 2 slid onto page 1 after it had been read, so the walk never saw it.
        assertThat(ids(walked).stream().filter(id -> id == edited)).hasSize(2);
        assertThat(walked.get(walked.size() - 1).path("name").asText()).isEqualTo("Edited mid-sync");
        assertThat(ids(walked).stream().distinct().count()).isEqualTo(total - 1);
        assertThat(shop.server().pendingHooks()).isZero();
    }

    @Test
    void faultsApplyToTheShopsRoutes() {
        shop.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(30)), 1, "/wp-json/wc/v3/orders");
        shop.faults().inject(Fault.malformedJson(), 1, "/wp-json/wc/v3/products");

        HttpResponse<String> throttled = client.get("wp-json/wc/v3/orders");
        HttpResponse<String> garbled = client.get(PRODUCTS);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("30");
        assertThat(garbled.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> json(garbled)).isInstanceOf(UncheckedIOException.class);
        assertThat(client.get(PRODUCTS).statusCode()).isEqualTo(200);
        assertThat(shop.requests().matching("/wp-json/wc/v3/products")).hasSize(2);
    }
}
