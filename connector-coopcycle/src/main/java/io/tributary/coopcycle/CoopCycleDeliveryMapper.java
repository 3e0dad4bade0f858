package io.tributary.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.OrderRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps a CoopCycle delivery to a central order: its id, the linked order's number and total (integer cents, so
 * exact), a status derived from its tasks, the dropoff contact as customer, times converted from their offsets to
 * UTC. Addresses and time windows stay in the raw JSON as CoopCycle sent them.
 */
final class CoopCycleDeliveryMapper {
    static final String TODO = "TODO";
    static final String DOING = "DOING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    /** States after which a delivery does not change any more. FAILED is not one: a failed task can be retried. */
    static final Set<String> FINAL = Set.of(DONE, CANCELLED);

    private CoopCycleDeliveryMapper() {}

    static OrderRecord order(JsonNode delivery, String currency) {
        String id = id(delivery);
        JsonNode order = delivery.path("order");
        boolean linked = order.isObject();
        String number = linked && Json.text(order, "number") != null ? Json.text(order, "number") : id;
        JsonNode contact = delivery.path("dropoff").path("address");
        String customer = Json.text(contact, "contactName") != null ? Json.text(contact, "contactName")
                : Json.text(contact, "name");
        return new OrderRecord(id, number, status(delivery), currency,
                linked ? cents(order, "total", id) : null, linked ? cents(order, "taxTotal", id) : null, null, null,
                null, customer, createdAt(delivery), modifiedAt(delivery, id), List.of(), delivery.toString());
    }

    /** The delivery's id for a sentence about it, or a stand-in when it has none. */
    private static String label(JsonNode delivery) {
        try {
            return id(delivery);
        } catch (IllegalArgumentException noId) {
            return "(without an id)";
        }
    }

    static String id(JsonNode delivery) {
        String id = Json.text(delivery, "id");
        if (id == null) {
            String iri = Json.text(delivery, "@id");
            id = iri == null ? null : iri.substring(iri.lastIndexOf('/') + 1);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("CoopCycle sent a delivery without an id.");
        }
        return id;
    }

    /**
     * The delivery's state from its tasks: CANCELLED when its dropoffs are; DONE when they are done; FAILED when a
     * task failed; DOING once a task is under way or done; TODO otherwise.
     */
    static String status(JsonNode delivery) {
        List<JsonNode> tasks = tasks(delivery);
        List<String> dropoffs = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode task : tasks) {
            String status = Json.text(task, "status") == null ? TODO : Json.text(task, "status");
            all.add(status);
            if ("DROPOFF".equals(Json.text(task, "type"))) {
                dropoffs.add(status);
            }
        }
        if (dropoffs.isEmpty()) {
            dropoffs = all;
        }
        if (!dropoffs.isEmpty() && dropoffs.stream().allMatch(CANCELLED::equals)) {
            return CANCELLED;
        }
        if (!dropoffs.isEmpty() && dropoffs.stream().allMatch(FINAL::contains)) {
            return DONE;
        }
        if (all.contains(FAILED)) {
            return FAILED;
        }
        if (all.contains(DOING) || all.contains(DONE)) {
            return DOING;
        }
        return TODO;
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    /** The pickup and dropoff, or every task of a multi-drop delivery when the API gives them as objects. */
    private static List<JsonNode> tasks(JsonNode delivery) {
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : delivery.path("tasks")) {
            if (task.isObject()) {
                tasks.add(task);
            }
        }
        if (tasks.isEmpty()) {
            for (String name : new String[] {"pickup", "dropoff"}) {
                if (delivery.path(name).isObject()) {
                    tasks.add(delivery.path(name));
                }
            }
        }
        return tasks;
    }

    /** When the delivery was created: its own {@code createdAt} if given, else its pickup's (made with it). */
    static Instant createdAt(JsonNode delivery) {
        // read before the delivery is mapped (it places the delivery in the listing), so an unreadable id must not
        // stop it: the mapper then refuses the delivery, which is set aside alone
        String id = label(delivery);
        for (JsonNode node : new JsonNode[] {delivery, delivery.path("pickup"), delivery.path("dropoff")}) {
            if (node.isObject() && Json.text(node, "createdAt") != null) {
                return Json.utcInstant(node, "createdAt", id);
            }
        }
        throw new IllegalArgumentException("CoopCycle delivery " + id + " has no creation time.");
    }

    /** The end of the dropoff window, when the delivery should be done; its creation time when it has none. */
    static Instant dropoffDeadline(JsonNode delivery) {
        String id = id(delivery);
        JsonNode dropoff = delivery.path("dropoff");
        for (String field : new String[] {"before", "doneBefore"}) {
            if (dropoff.isObject() && Json.text(dropoff, field) != null) {
                return Json.utcInstant(dropoff, field, id);
            }
        }
        return createdAt(delivery);
    }

    /** The newest {@code updatedAt} of the tasks, where CoopCycle sends one; null otherwise. */
    private static Instant modifiedAt(JsonNode delivery, String id) {
        Instant newest = null;
        for (JsonNode task : tasks(delivery)) {
            Instant updated = Json.utcInstant(task, "updatedAt", id);
            if (updated != null && (newest == null || updated.isAfter(newest))) {
                newest = updated;
            }
        }
        return newest;
    }

    /** An amount CoopCycle gives in cents (an integer) as an exact decimal. */
    private static BigDecimal cents(JsonNode order, String field, String id) {
        BigDecimal value = Json.decimal(order, field, id);
        if (value == null) {
            return null;
        }
        try {
            return BigDecimal.valueOf(value.longValueExact(), 2);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("CoopCycle delivery " + id + " has " + field + " "
                    + value.toPlainString() + ", which is not a whole number of cents.");
        }
    }
}
