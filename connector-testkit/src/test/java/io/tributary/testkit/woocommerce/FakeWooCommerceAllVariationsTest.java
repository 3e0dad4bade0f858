package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static io.tributary.testkit.woocommerce.WooTestClient.total;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /wc/v3/variations} arrived in WooCommerce 10.3 ({@code WC_REST_Variations_Controller}): the variations
 * of every product, each with its {@code parent_id}; before that WordPress has no such route.
 */
class FakeWooCommerceAllVariationsTest {
    private final FakeWooCommerce shop = FakeWooCommerce.builder().products(120).orders(0).seed(9).ssl(true)
            .wooVersion("10.3.0").start();
    private final WooTestClient client = new WooTestClient(shop);

    @AfterEach
    void close() {
        shop.close();
    }

    private boolean indexed() {
        return json(client.anonymous("wp-json/wc/v3")).path("routes").has("/wc/v3/variations");
    }

    @Test
    void listsVariationsOfAnyProductByIdWithTheirParents() {
        List<Integer> parents = shop.productIds().stream().filter(id -> !shop.variationIds(id).isEmpty()).limit(3)
                .toList();
        List<String> ids = new ArrayList<>();
        parents.forEach(p -> shop.variationIds(p).forEach(v -> ids.add(Integer.toString(v))));

        JsonNode page = json(client.get("wp-json/wc/v3/variations?orderby=include&per_page=100&include="
                + String.join(",", ids)));

        assertThat(indexed()).isTrue();
        assertThat(page).hasSize(ids.size());
        for (JsonNode variation : page) {
            int parent = variation.path("parent_id").asInt();
            assertThat(parents).contains(parent);
            assertThat(variation).isEqualTo(shop.variation(parent, variation.path("id").asInt()));
        }
        assertThat(total(client.get("wp-json/wc/v3/variations?per_page=1"))).as("every variation")
                .isEqualTo(shop.productIds().stream().mapToInt(p -> shop.variationIds(p).size()).sum());
    }

    @Test
    void before103ThereIsNoSuchRoute() {
        shop.wooVersion("10.2.2");

        assertThat(indexed()).isFalse();
        assertThat(client.get("wp-json/wc/v3/variations").statusCode()).isEqualTo(404);
        assertThat(json(client.get("wp-json/wc/v3/variations")).path("code").asText()).isEqualTo("rest_no_route");
    }
}
