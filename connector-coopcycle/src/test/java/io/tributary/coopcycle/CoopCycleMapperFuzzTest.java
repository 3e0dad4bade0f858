package io.tributary.coopcycle;

import static io.tributary.testkit.fuzz.JsonMutations.mapsOrRefuses;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.fuzz.JsonMutations;
import io.tributary.testkit.fuzz.JsonMutations.Mutation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Deliveries a fake CoopCycle serves, damaged by jqwik: the mapper maps them or refuses them in one sentence. */
class CoopCycleMapperFuzzTest {
    private static final List<JsonNode> DELIVERIES = new ArrayList<>();

    static {
        try (FakeCoopCycle server = FakeCoopCycle.builder().deliveries(40).seed(11).start()) {
            server.deliveryIds(FakeCoopCycle.STORE_ID).forEach(id -> DELIVERIES.add(server.delivery(id)));
        }
    }

    @Property(tries = 2000)
    void aDamagedDeliveryIsMappedOrRefused(@ForAll("deliveries") JsonNode seed,
            @ForAll("damage") List<Mutation> damage) {
        JsonNode json = JsonMutations.apply(seed, damage);
        mapsOrRefuses(() -> CoopCycleDeliveryMapper.order(json, "EUR"));
    }

    @Provide
    Arbitrary<JsonNode> deliveries() {
        return JsonMutations.seeds(DELIVERIES);
    }

    @Provide
    Arbitrary<List<Mutation>> damage() {
        return JsonMutations.mutations();
    }
}
