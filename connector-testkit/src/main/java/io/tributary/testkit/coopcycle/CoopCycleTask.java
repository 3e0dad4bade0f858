package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A pickup or dropoff task of a fake delivery; its status is where a delivery's progress lives. */
final class CoopCycleTask {
    final long id;
    final String type;
    String status = "TODO";
    String streetAddress;
    String contactName;
    String telephone;
    String name;
    String description;
    double latitude;
    double longitude;
    Instant after;
    Instant before;
    String comments = "";
    ObjectNode metadata;
    final Instant createdAt;
    /** Kept as CoopCycle keeps it, never served: a delivery's serialization has no task updatedAt. */
    Instant updatedAt;

    CoopCycleTask(long id, String type, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    String iri() {
        return "/api/tasks/" + id;
    }
}
