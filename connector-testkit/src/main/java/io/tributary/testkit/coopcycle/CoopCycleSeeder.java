package io.tributary.testkit.coopcycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Makes deliveries: seeded history for a store (older ones finished — done or cancelled —, the last few hours
 * still open), and the deliveries {@code POST /api/deliveries} creates.
 */
final class CoopCycleSeeder {
    private static final List<String> STREETS = List.of("48 Rue de Rivoli, 75004 Paris",
            "12 Rue Oberkampf, 75011 Paris", "3 Rue du Bac, 75007 Paris", "71 Avenue Jean Jaurès, 75019 Paris",
            "9 Rue des Martyrs, 75009 Paris", "150 Boulevard Voltaire, 75011 Paris", "5 Place d'Italie, 75013 Paris",
            "27 Rue de la Roquette, 75011 Paris");
    private static final List<String> NAMES = List.of("Ana López", "Jean Dupont", "Zoë Martin", "Kofi Mensah",
            "Léa Moreau", "Nguyễn Văn An", "Sofia Rossi", "Élodie Bernard");
    /** Deliveries created within this time before the clock are still under way when seeded. */
    static final Duration OPEN_HORIZON = Duration.ofHours(6);

    private CoopCycleSeeder() {}

    /** Seeds {@code count} deliveries for a store, one every {@code spacing}, the newest {@code spacing} ago. */
    static void seed(CoopCycleState state, long storeId, int count, Duration spacing, long seed) {
        Random rnd = new Random(seed * 31 + storeId);
        Instant now = state.clock().instant();
        for (int i = count; i >= 1; i--) {
            Instant created = now.minus(spacing.multipliedBy(i));
            CoopCycleDelivery d = create(state, storeId, created, task(state, rnd, created), null);
            if (rnd.nextInt(5) > 0) {
                d.orderTotal = 350 + rnd.nextInt(4000);
                d.orderTaxTotal = Math.round(d.orderTotal / 6f);
            } else {
                d.orderId = null;
                d.orderNumber = null;
            }
            boolean finished = created.isBefore(now.minus(OPEN_HORIZON));
            if (finished) {
                Instant end = d.dropoff.before;
                if (rnd.nextInt(10) == 0) {
                    d.status("CANCELLED", "CANCELLED", end);
                } else {
                    d.status("DONE", "DONE", end);
                }
            } else if (rnd.nextBoolean()) {
                d.status("DONE", "DOING", created.plus(Duration.ofMinutes(40)));
            }
        }
    }

    private static CoopCycleDeliveryInput.TaskInput task(CoopCycleState state, Random rnd, Instant created) {
        String name = NAMES.get(rnd.nextInt(NAMES.size()));
        String phone = "+336" + (10 + rnd.nextInt(90)) + (10 + rnd.nextInt(90)) + (10 + rnd.nextInt(90))
                + (10 + rnd.nextInt(90)); // served in E.164, as CoopCycle serves phones
        return new CoopCycleDeliveryInput.TaskInput(STREETS.get(rnd.nextInt(STREETS.size())), phone, name, null,
                rnd.nextInt(4) == 0 ? "2e étage, code 4521" : null, created.plus(Duration.ofMinutes(60)),
                created.plus(Duration.ofMinutes(90)), "", null);
    }

    /** A new delivery created now by a store's app, with a linked order of the configured total. */
    static CoopCycleDelivery create(CoopCycleState state, long storeId, CoopCycleDeliveryInput.TaskInput pickup,
            CoopCycleDeliveryInput.TaskInput dropoff) {
        CoopCycleDelivery delivery = create(state, storeId, state.clock().instant(), dropoff, pickup);
        delivery.orderTotal = state.createdOrderTotal;
        delivery.orderTaxTotal = Math.round(state.createdOrderTotal / 6f);
        return delivery;
    }

    private static CoopCycleDelivery create(CoopCycleState state, long storeId, Instant created,
            CoopCycleDeliveryInput.TaskInput dropoffInput, CoopCycleDeliveryInput.TaskInput pickupInput) {
        CoopCycleState.Store store = state.stores.get(storeId);
        CoopCycleTask pickup = new CoopCycleTask(state.nextTaskId++, "PICKUP", created);
        CoopCycleTask dropoff = new CoopCycleTask(state.nextTaskId++, "DROPOFF", created);
        pickup.streetAddress = store.streetAddress();
        pickup.name = store.name();
        pickup.telephone = store.telephone();
        pickup.latitude = store.latitude();
        pickup.longitude = store.longitude();
        if (pickupInput != null) {
            if (pickupInput.street() != null && !pickupInput.street().isBlank()) {
                pickup.streetAddress = pickupInput.street();
                pickup.name = pickupInput.name();
                pickup.telephone = pickupInput.telephone();
                pickup.contactName = pickupInput.contactName();
                geocode(pickup);
            }
            pickup.after = pickupInput.after();
            pickup.before = pickupInput.before();
            pickup.comments = pickupInput.comments() == null ? "" : pickupInput.comments();
            pickup.metadata = pickupInput.metadata();
        }
        dropoff.streetAddress = dropoffInput.street();
        dropoff.telephone = dropoffInput.telephone();
        dropoff.contactName = dropoffInput.contactName();
        dropoff.name = dropoffInput.name();
        dropoff.description = dropoffInput.description();
        dropoff.after = dropoffInput.after();
        dropoff.before = dropoffInput.before();
        dropoff.comments = dropoffInput.comments() == null ? "" : dropoffInput.comments();
        dropoff.metadata = dropoffInput.metadata();
        geocode(dropoff);
        if (pickup.before == null) {
            pickup.after = dropoff.after == null ? null : dropoff.after.minus(Duration.ofMinutes(30));
            pickup.before = dropoff.after;
        }
        if (dropoff.after == null && dropoff.before != null) {
            dropoff.after = dropoff.before.minus(Duration.ofMinutes(30));
        }
        if (pickup.after == null && pickup.before != null) {
            pickup.after = pickup.before.minus(Duration.ofMinutes(30));
        }
        CoopCycleDelivery delivery = new CoopCycleDelivery(state.nextDeliveryId++, storeId, created, pickup, dropoff);
        delivery.orderId = state.nextOrderId++;
        delivery.orderNumber = orderNumber(delivery.orderId);
        delivery.trackingToken = Long.toString(delivery.id * 7919L, 36);
        delivery.distance = 800 + (int) (Math.abs((long) dropoff.streetAddress.hashCode()) % 6000);
        delivery.duration = delivery.distance / 4;
        state.deliveries.put(delivery.id, delivery);
        return delivery;
    }

    private static void geocode(CoopCycleTask task) {
        int hash = Math.abs(task.streetAddress.hashCode() % 10_000);
        task.latitude = 48.82 + hash / 100_000.0;
        task.longitude = 2.28 + (hash % 997) / 10_000.0;
    }

    /** Sylius-style order numbers: four letters. */
    static String orderNumber(long orderId) {
        StringBuilder number = new StringBuilder();
        long value = orderId * 7_919L % 456_976L;
        for (int i = 0; i < 4; i++) {
            number.append((char) ('A' + value % 26));
            value /= 26;
        }
        return number.toString();
    }
}
