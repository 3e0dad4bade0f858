package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static io.tributary.testkit.woocommerce.WooTestClient.total;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** modified_after and modified_before arrived in WooCommerce 5.8; before that WordPress ignores them. */
class FakeWooCommerceVersionTest {

    private static final String PRODUCTS = "wp-json/wc/v3/products";
    private static final String RECENT = "?per_page=5&dates_are_gmt=true&modified_after=2025-06-01T00:00:00";

    private final FakeWooCommerce shop = FakeWooCommerce.builder().products(200).orders(0).seed(4).ssl(true)
            .wooVersion("5.7.2").start();
    private final WooTestClient client = new WooTestClient(shop);

    @AfterEach
    void close() {
        shop.close();
    }

    private JsonNode productArgs() {
        return json(client.anonymous("wp-json/wc/v3")).path("routes").path("/wc/v3/products").path("endpoints").get(0)
                .path("args");
    }

    @Test
    void before58TheIndexHasNoModifiedFiltersAndTheyAreIgnored() {
        int everything = total(client.get(PRODUCTS));

        assertThat(productArgs().has("modified_after")).isFalse();
        assertThat(productArgs().has("modified_before")).isFalse();
        assertThat(productArgs().has("after")).isTrue();
        assertThat(total(client.get(PRODUCTS + RECENT))).isEqualTo(everything);
        assertThat(client.get(PRODUCTS + "?modified_after=not-a-date").statusCode()).isEqualTo(200);
    }

    @Test
    void from58TheyAreListedAndHonoured() {
        int everything = total(client.get(PRODUCTS));
        shop.wooVersion("5.8.0");

        assertThat(productArgs().has("modified_after")).isTrue();
        assertThat(total(client.get(PRODUCTS + RECENT))).isPositive().isLessThan(everything);
        assertThat(client.get(PRODUCTS + "?modified_after=not-a-date").statusCode()).isEqualTo(400);
        shop.ssl(true);
        assertThat(json(client.get("wp-json/wc/v3/system_status")).path("environment").path("version").asText())
                .isEqualTo("5.8.0");
    }
}
