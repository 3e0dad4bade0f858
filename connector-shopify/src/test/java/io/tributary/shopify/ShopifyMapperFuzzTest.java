package io.tributary.shopify;

import static io.tributary.testkit.fuzz.JsonMutations.mapsOrRefuses;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.fuzz.JsonMutations;
import io.tributary.testkit.fuzz.JsonMutations.Mutation;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Products (with their variants) and orders (with their lines) a fake Shopify serves, damaged by jqwik: the mappers
 * map them or refuse them in one sentence. The children are taken from the damaged parent as the streams take them.
 */
class ShopifyMapperFuzzTest {
    private static final List<JsonNode> PRODUCTS = new ArrayList<>();
    private static final List<JsonNode> ORDERS = new ArrayList<>();

    static {
        try (FakeShopify shop = FakeShopify.builder().products(30).orders(20).seed(11).start()) {
            shop.products().stream().map(ShopifyProduct::id).forEach(id -> PRODUCTS.add(shop.productJson(id)));
            shop.orders().stream().map(ShopifyOrder::id).forEach(id -> ORDERS.add(shop.orderJson(id)));
        }
    }

    @Property(tries = 1500)
    void aDamagedProductIsMappedOrRefused(@ForAll("products") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> ShopifyProductMapper.product(json, "EUR"));
    }

    @Property(tries = 1500)
    void aDamagedVariantIsMappedOrRefused(@ForAll("products") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        for (JsonNode variant : ShopifyNested.first(json, true)) {
            mapsOrRefuses(() -> ShopifyProductMapper.variant(variant, json, "EUR"));
        }
    }

    @Property(tries = 1500)
    void aDamagedOrderIsMappedOrRefused(@ForAll("orders") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> ShopifyOrderMapper.order(json, ShopifyNested.first(json, false)));
    }

    @Provide
    Arbitrary<JsonNode> products() {
        return JsonMutations.seeds(PRODUCTS);
    }

    @Provide
    Arbitrary<JsonNode> orders() {
        return JsonMutations.seeds(ORDERS);
    }

    @Provide
    Arbitrary<List<Mutation>> damage() {
        return JsonMutations.mutations();
    }
}
