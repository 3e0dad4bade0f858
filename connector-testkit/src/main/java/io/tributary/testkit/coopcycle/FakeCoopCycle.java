package io.tributary.testkit.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.FakeSystem;
import io.tributary.time.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fake CoopCycle instance on a real socket: the JSON-LD entry point, OAuth2 client credentials with scopes and
 * expiring tokens, {@code ak_} API keys, {@code /api/me}, a store's deliveries with Hydra paging, and
 * {@code POST /api/deliveries} with validation errors, over two stores with seeded deliveries. Tests move its
 * clock, change deliveries' task statuses and read back what was created.
 *
 * <pre>{@code
 * try (FakeCoopCycle coopcycle = FakeCoopCycle.builder().deliveries(250).start()) {
 *     URI url = coopcycle.baseUrl();                  // http://127.0.0.1:PORT/
 *     CoopCycleApp app = coopcycle.storeApp();        // OAuth2 client of store 1, scope deliveries
 *     coopcycle.complete(coopcycle.openDeliveryIds().get(0));
 * }
 * }</pre>
 */
public final class FakeCoopCycle extends FakeSystem {
    /** The store the default apps belong to. */
    public static final long STORE_ID = 1;
    /** Another store of the same instance, whose deliveries the default apps may not see. */
    public static final long OTHER_STORE_ID = 2;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final CoopCycleState state;
    private final CoopCycleApp storeApp;
    private final CoopCycleApp apiKeyApp;

    private FakeCoopCycle(Builder builder) {
        super(MutableClock.startingAt(builder.clockStart));
        state = new CoopCycleState(clock(), builder.zone);
        state.country = builder.country;
        state.stores.put(STORE_ID, new CoopCycleState.Store(STORE_ID, "Acme", "24 Rue de la Paix, 75002 Paris",
                "+33142000000", 48.8696, 2.3316));
        state.stores.put(OTHER_STORE_ID, new CoopCycleState.Store(OTHER_STORE_ID, "Vélo Express",
                "10 Rue Saint-Maur, 75011 Paris", "+33143000000", 48.8631, 2.3780));
        storeApp = addApp("Acme shop", STORE_ID, null, Set.of("deliveries"), false);
        apiKeyApp = addApp("Acme API key", STORE_ID, null, Set.of(), true);
        addApp("Vélo Express app", OTHER_STORE_ID, null, Set.of("deliveries"), false);
        CoopCycleSeeder.seed(state, STORE_ID, builder.deliveries, builder.spacing, builder.seed);
        CoopCycleSeeder.seed(state, OTHER_STORE_ID, builder.otherStoreDeliveries, builder.spacing, builder.seed + 1);
        serve(new CoopCycleApi(state, baseUrl().toString()));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- API apps and tokens ----

    /** The OAuth2 client of store 1 with scope {@code deliveries}. */
    public CoopCycleApp storeApp() {
        return storeApp;
    }

    /** The {@code ak_} API key of store 1. */
    public CoopCycleApp apiKeyApp() {
        return apiKeyApp;
    }

    /**
     * Adds an app: an OAuth2 client with these scopes (or an API key when {@code apiKey}), bound to a store, or to a
     * shop (a restaurant) when {@code storeId} is null.
     */
    public CoopCycleApp addApp(String name, Long storeId, Long shopId, Set<String> scopes, boolean apiKey) {
        return state.write(() -> {
            long id = state.nextAppId++;
            CoopCycleApp app = apiKey
                    ? new CoopCycleApp(id, name, storeId, shopId, null, null, Set.of(), "ak_" + hex(20))
                    : new CoopCycleApp(id, name, storeId, shopId, hex(16), hex(64), scopes, null);
            state.apps.put(id, app);
            return app;
        });
    }

    /** How long new tokens live; default one hour, as CoopCycle's {@code PT1H}. */
    public FakeCoopCycle tokenTtl(Duration ttl) {
        state.run(() -> state.tokenTtl = requireNonNull(ttl, "ttl is null"));
        return this;
    }

    /** Forgets every issued token, as if the key pair was rotated on the server: the next use answers 401. */
    public void revokeTokens() {
        state.run(state.tokens::clear);
    }

    /** Every bearer token issued so far, for tests that check none leaks. */
    public List<String> issuedTokens() {
        return state.read(() -> List.copyOf(state.tokens.keySet()));
    }

    // ---- knobs ----

    /** Dropoff addresses containing this word are refused as not geocodable; default "Nowhere". */
    public FakeCoopCycle rejectAddressesContaining(String word) {
        state.run(() -> state.rejectedAddressWords.add(requireNonNull(word, "word is null")));
        return this;
    }

    // ---- the truth ----

    /**
     * Lists delivery {@code id} damaged by {@code damage} from now on (its JSON after the fake built it), as a
     * broken plugin or a bad import would leave it.
     */
    public void damageDelivery(long id, Consumer<ObjectNode> damage) {
        state.damage.put(id, damage);
    }

    /** A delivery as {@code GET /api/deliveries/{id}} shows it. */
    public JsonNode delivery(long id) {
        return state.read(() -> CoopCycleJson.delivery(state.requireDelivery(id), state.zone, baseUrl().toString()));
    }

    /** Ids of a store's deliveries, oldest first. */
    public List<Long> deliveryIds(long storeId) {
        return state.read(() -> state.deliveriesOf(storeId, false).stream().map(d -> d.id).toList());
    }

    /** Ids of store 1's deliveries whose dropoff is neither done nor cancelled, oldest first. */
    public List<Long> openDeliveryIds() {
        return state.read(() -> state.deliveriesOf(STORE_ID, false).stream()
                .filter(d -> !d.dropoff.status.equals("DONE") && !d.dropoff.status.equals("CANCELLED"))
                .map(d -> d.id).toList());
    }

    /** The deliveries of a store whose dropoff metadata carries {@code key} = {@code value}. */
    public List<JsonNode> deliveriesWithMetadata(long storeId, String key, String value) {
        return state.read(() -> state.deliveriesOf(storeId, false).stream()
                .filter(d -> d.dropoff.metadata != null && value.equals(d.dropoff.metadata.path(key).asText(null)))
                .map(d -> (JsonNode) CoopCycleJson.delivery(d, state.zone, baseUrl().toString())).toList());
    }

    // ---- what couriers do ----

    /** Delivered: both tasks DONE. */
    public void complete(long id) {
        setStatus(id, "DONE", "DONE");
    }

    /** The dropoff failed (nobody there): pickup DONE, dropoff FAILED. */
    public void fail(long id) {
        setStatus(id, "DONE", "FAILED");
    }

    /** Cancelled ({@code DELETE /api/deliveries/{id}}): both tasks CANCELLED. */
    public void cancel(long id) {
        setStatus(id, "CANCELLED", "CANCELLED");
    }

    /**
     * A finished delivery reopened by a dispatcher: a done one gets its dropoff back to TODO (picked up, so under
     * way), a cancelled one both tasks. Its time window stays.
     */
    public void reopen(long id) {
        state.run(() -> {
            CoopCycleDelivery delivery = state.requireDelivery(id);
            boolean cancelled = delivery.dropoff.status.equals("CANCELLED");
            delivery.status(cancelled ? "TODO" : delivery.pickup.status, "TODO", state.clock().instant());
        });
    }

    /** A failed dropoff rescheduled: back to TODO, to be done between {@code after} and {@code before}. */
    public void reschedule(long id, Instant after, Instant before) {
        if (!after.isBefore(before)) {
            throw new IllegalArgumentException("a time window must end after it starts: " + after + ".." + before);
        }
        state.run(() -> {
            CoopCycleDelivery delivery = state.requireDelivery(id);
            delivery.status(delivery.pickup.status, "TODO", state.clock().instant());
            delivery.dropoff.after = after;
            delivery.dropoff.before = before;
        });
    }

    private void setStatus(long id, String pickup, String dropoff) {
        state.run(() -> state.requireDelivery(id).status(pickup, dropoff, state.clock().instant()));
    }

    /** Adds a delivery to a store, created now (the clock then moves one second), still to do; returns its id. */
    public long addDelivery(long storeId, String dropoffStreet, int orderTotalCents) {
        return state.write(() -> {
            Instant now = state.clock().instant();
            CoopCycleDeliveryInput.TaskInput dropoff = new CoopCycleDeliveryInput.TaskInput(dropoffStreet,
                    "+33600000000", "Test Recipient", null, null, now.plus(Duration.ofMinutes(60)),
                    now.plus(Duration.ofMinutes(90)), "", null);
            CoopCycleDelivery delivery = CoopCycleSeeder.create(state, storeId, null, dropoff);
            delivery.orderTotal = orderTotalCents;
            delivery.orderTaxTotal = Math.round(orderTotalCents / 6f);
            state.clock().advance(state.createTick);
            return delivery.id;
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Settings of a fake instance; everything has a default. */
    public static final class Builder {
        private int deliveries = 60;
        private int otherStoreDeliveries = 5;
        private Duration spacing = Duration.ofMinutes(37);
        private long seed = 42;
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private String country = "fr";
        private Instant clockStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        private Builder() {}

        /** Seeded deliveries of store 1; default 60. */
        public Builder deliveries(int count) {
            this.deliveries = nonNegative(count);
            return this;
        }

        /** Seeded deliveries of store 2; default 5. */
        public Builder otherStoreDeliveries(int count) {
            this.otherStoreDeliveries = nonNegative(count);
            return this;
        }

        /** Time between two seeded deliveries; default 37 minutes. */
        public Builder spacing(Duration value) {
            this.spacing = requireNonNull(value, "value is null");
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The instance's PHP time zone, in which it writes times; default Europe/Paris. */
        public Builder zone(ZoneId value) {
            this.zone = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * The instance's country ({@code COOPCYCLE_COUNTRY}, e.g. {@code us}): the region phone numbers without a
         * country code are read in, and what {@code GET /api/settings} names; default {@code fr}.
         */
        public Builder country(String code) {
            this.country = requireNonNull(code, "code is null").toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** Where the clock starts; default now (whole seconds). */
        public Builder clockStart(Instant value) {
            this.clockStart = requireNonNull(value, "value is null");
            return this;
        }

        public FakeCoopCycle start() {
            return new FakeCoopCycle(this);
        }

        private static int nonNegative(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            return count;
        }
    }
}
