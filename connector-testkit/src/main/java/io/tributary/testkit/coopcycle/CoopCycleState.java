package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.FakeData;
import io.tributary.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Everything the fake instance holds: stores, API apps, deliveries and issued tokens. Every access goes through
 * {@link #read}, {@link #write} or {@link #run}.
 */
final class CoopCycleState extends FakeData {
    /** A store of the instance: deliveries are picked up at its address by default. */
    record Store(long id, String name, String streetAddress, String telephone, double latitude, double longitude) {}

    /** An issued bearer token. */
    record Token(String value, CoopCycleApp app, Set<String> scopes, Instant expiresAt) {}

    final ZoneId zone;
    /** The instance's country ({@code COOPCYCLE_COUNTRY}, lower case): the default region of phone numbers. */
    String country = "fr";
    final Map<Long, Store> stores = new LinkedHashMap<>();
    final Map<Long, CoopCycleApp> apps = new LinkedHashMap<>();
    final Map<Long, CoopCycleDelivery> deliveries = new LinkedHashMap<>();
    final Map<String, Token> tokens = new LinkedHashMap<>();
    /** Deliveries the listings serve damaged ({@link FakeCoopCycle#damageDelivery}). */
    final Map<Long, Consumer<ObjectNode>> damage = new ConcurrentHashMap<>();
    final List<String> rejectedAddressWords = new ArrayList<>(List.of("Nowhere"));
    Duration tokenTtl = Duration.ofHours(1);
    Duration createTick = Duration.ofSeconds(1);
    int createdOrderTotal = 690;
    long nextDeliveryId = 5000;
    long nextTaskId = 10_000;
    long nextOrderId = 800;
    long nextAppId = 1;

    /** Deliveries are created, not edited: no edit moves the clock (see {@link #createTick}). */
    CoopCycleState(MutableClock clock, ZoneId zone) {
        super(clock, Duration.ZERO);
        this.zone = zone;
    }

    Optional<CoopCycleApp> appByClientId(String clientId) {
        return apps.values().stream().filter(a -> clientId.equals(a.clientId())).findFirst();
    }

    Optional<CoopCycleApp> appByApiKey(String key) {
        return apps.values().stream().filter(a -> key.equals(a.apiKey())).findFirst();
    }

    /** The deliveries of a store, ordered by {@code createdAt} then id, ascending or descending. */
    List<CoopCycleDelivery> deliveriesOf(long storeId, boolean descending) {
        Comparator<CoopCycleDelivery> order = Comparator.comparing((CoopCycleDelivery d) -> d.createdAt)
                .thenComparingLong(d -> d.id);
        return deliveries.values().stream().filter(d -> d.storeId == storeId)
                .sorted(descending ? order.reversed() : order).toList();
    }

    CoopCycleDelivery requireDelivery(long id) {
        CoopCycleDelivery delivery = deliveries.get(id);
        if (delivery == null) {
            throw new IllegalArgumentException("no delivery " + id);
        }
        return delivery;
    }
}
