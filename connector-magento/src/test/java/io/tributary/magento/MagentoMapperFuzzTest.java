package io.tributary.magento;

import static io.tributary.testkit.fuzz.JsonMutations.mapsOrRefuses;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.fuzz.JsonMutations;
import io.tributary.testkit.fuzz.JsonMutations.Mutation;
import io.tributary.testkit.magento.FakeMagento;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Records a fake Magento serves, damaged by jqwik: the mappers map them or refuse them in one sentence. */
class MagentoMapperFuzzTest {
    private static final List<JsonNode> PRODUCTS = new ArrayList<>();
    private static final List<JsonNode> ORDERS = new ArrayList<>();
    private static final List<JsonNode> CUSTOMERS = new ArrayList<>();

    static {
        try (FakeMagento shop = FakeMagento.builder().products(30).orders(20).seed(11).start()) {
            shop.productIds().forEach(id -> PRODUCTS.add(shop.product(id)));
            shop.orderIds().forEach(id -> ORDERS.add(shop.order(id)));
            shop.customerIds().forEach(id -> CUSTOMERS.add(shop.customer(id)));
        }
    }

    @Property(tries = 1500)
    void aDamagedProductIsMappedOrRefused(@ForAll("products") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> MagentoProductMapper.product(json, null, "EUR"));
        mapsOrRefuses(() -> MagentoProductMapper.product(json, "7", "EUR"));
    }

    @Property(tries = 1500)
    void aDamagedOrderIsMappedOrRefused(@ForAll("orders") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> MagentoOrderMapper.order(json));
    }

    @Property(tries = 1000)
    void aDamagedCustomerIsMappedOrRefused(@ForAll("customers") JsonNode seed, @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> MagentoCustomerMapper.customer(json));
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
    Arbitrary<JsonNode> orders() {
        return JsonMutations.seeds(ORDERS);
    }

    @Provide
    Arbitrary<List<Mutation>> damage() {
        return JsonMutations.mutations();
    }
}
