package io.tributary.woocommerce;

import static io.tributary.testkit.fuzz.JsonMutations.mapsOrRefuses;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.fuzz.JsonMutations;
import io.tributary.testkit.fuzz.JsonMutations.Mutation;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Records a fake WooCommerce serves, damaged by jqwik: the mappers map them or refuse them in one sentence. */
class WooCommerceMapperFuzzTest {
    private static final List<JsonNode> PRODUCTS = new ArrayList<>();
    private static final List<JsonNode> VARIATIONS = new ArrayList<>();
    private static final List<JsonNode> ORDERS = new ArrayList<>();
    private static final List<JsonNode> CUSTOMERS = new ArrayList<>();

    static {
        try (FakeWooCommerce shop = FakeWooCommerce.builder().products(30).orders(20).seed(11).start()) {
            for (int id : shop.productIds()) {
                PRODUCTS.add(shop.product(id));
                for (int variation : shop.variationIds(id)) {
                    VARIATIONS.add(shop.variation(id, variation));
                }
            }
            shop.orderIds().forEach(id -> ORDERS.add(shop.order(id)));
            shop.customerIds().forEach(id -> CUSTOMERS.add(shop.customer(id)));
        }
    }

    @Property(tries = 1500)
    void aDamagedProductIsMappedOrRefused(@ForAll("products") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> WooCommerceProductMapper.product(json, "EUR"));
    }

    @Property(tries = 1000)
    void aDamagedVariationIsMappedOrRefused(@ForAll("variations") JsonNode seed, @ForAll("products") JsonNode parent,
            @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> WooCommerceProductMapper.variation(json, parent, "EUR"));
    }

    @Property(tries = 1500)
    void aDamagedOrderIsMappedOrRefused(@ForAll("orders") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> WooCommerceOrderMapper.order(json));
    }

    @Property(tries = 1000)
    void aDamagedCustomerIsMappedOrRefused(@ForAll("customers") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> WooCommerceCustomerMapper.customer(json));
    }

    @Provide
    Arbitrary<JsonNode> customers() {
        return JsonMutations.seeds(CUSTOMERS);
    }

    @Provide
    Arbitrary<JsonNode> products() {
        return JsonMutations.seeds(PRODUCTS);
    }

    @Provide
    Arbitrary<JsonNode> variations() {
        return JsonMutations.seeds(VARIATIONS);
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
