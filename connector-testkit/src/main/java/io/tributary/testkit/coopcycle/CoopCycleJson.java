package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** CoopCycle's JSON-LD documents: deliveries with their tasks, Hydra collections, errors. */
final class CoopCycleJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LD_JSON = "application/ld+json; charset=utf-8";
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CoopCycleJson() {}

    static FakeResponse ld(int status, JsonNode body) {
        try {
            return FakeResponse.text(status, LD_JSON, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static FakeResponse json(int status, JsonNode body) {
        try {
            return FakeResponse.json(status, MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO 8601 with the instance's offset and whole seconds, as PHP's {@code DateTime::ATOM} writes it. */
    static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                .toOffsetDateTime());
    }

    static ObjectNode delivery(CoopCycleDelivery d, ZoneId zone, String trackingBase) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("@id", d.iri());
        json.put("@type", "http://schema.org/ParcelDelivery");
        json.put("id", d.id);
        json.put("distance", d.distance);
        json.put("duration", d.duration);
        json.put("polyline", "gfo}Ec|~M??");
        json.set("pickup", task(d.pickup, zone));
        json.set("dropoff", task(d.dropoff, zone));
        json.putArray("tasks").add(d.pickup.iri()).add(d.dropoff.iri());
        json.put("trackingUrl", trackingBase + "public/d/" + d.trackingToken);
        if (d.orderId == null) {
            json.putNull("order");
        } else {
            ObjectNode order = json.putObject("order");
            order.put("@id", "/api/orders/" + d.orderId);
            order.put("@type", "http://schema.org/Order");
            order.put("number", d.orderNumber);
            order.put("total", d.orderTotal);
            order.put("taxTotal", d.orderTaxTotal);
            order.put("paymentGateway", "stripe");
        }
        return json;
    }

    static ObjectNode task(CoopCycleTask t, ZoneId zone) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("@id", t.iri());
        json.put("@type", "Task");
        json.put("id", t.id);
        json.put("type", t.type);
        json.put("status", t.status);
        ObjectNode address = json.putObject("address");
        address.put("@id", "/api/addresses/" + t.id);
        address.put("@type", "http://schema.org/Place");
        address.put("streetAddress", t.streetAddress);
        address.putObject("geo").put("latitude", t.latitude).put("longitude", t.longitude);
        address.put("telephone", t.telephone);
        address.put("name", t.name);
        address.put("contactName", t.contactName);
        address.put("description", t.description);
        json.put("after", time(t.after, zone));
        json.put("before", time(t.before, zone));
        json.put("doneAfter", time(t.after, zone));
        json.put("doneBefore", time(t.before, zone));
        json.put("comments", t.comments);
        json.put("createdAt", time(t.createdAt, zone));
        json.putArray("tags");
        json.set("metadata", t.metadata == null ? MAPPER.createObjectNode() : t.metadata.deepCopy());
        return json;
    }

    /** A Hydra collection page; {@code view} is null when everything fits one page. */
    static ObjectNode collection(String context, String iri, List<? extends JsonNode> members, long total,
            ObjectNode view) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("@context", context);
        json.put("@id", iri);
        json.put("@type", "hydra:Collection");
        ArrayNode array = json.putArray("hydra:member");
        members.forEach(array::add);
        json.put("hydra:totalItems", total);
        if (view != null) {
            json.set("hydra:view", view);
        }
        ObjectNode search = json.putObject("hydra:search");
        search.put("@type", "hydra:IriTemplate");
        search.put("hydra:template", iri + "{?order[createdAt],order[dropoff.before]}");
        return json;
    }

    /** API Platform's error document ({@code hydra:Error}). */
    static FakeResponse error(int status, String description) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("@context", "/api/contexts/Error");
        json.put("@type", "hydra:Error");
        json.put("hydra:title", "An error occurred");
        json.put("hydra:description", description);
        return ld(status, json);
    }

    /** API Platform's validation error document. */
    static FakeResponse violations(List<String[]> pathAndMessage) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("@context", "/api/contexts/ConstraintViolationList");
        json.put("@type", "ConstraintViolationList");
        json.put("hydra:title", "An error occurred");
        StringBuilder description = new StringBuilder();
        ArrayNode list = json.putArray("violations");
        for (String[] violation : pathAndMessage) {
            description.append(description.length() == 0 ? "" : "\n").append(violation[0]).append(": ")
                    .append(violation[1]);
            list.addObject().put("propertyPath", violation[0]).put("message", violation[1])
                    .put("code", "c1051bb4-d103-4f74-8988-acbcafc7fdc3");
        }
        json.put("hydra:description", description.toString());
        return ld(400, json);
    }

    /** Lexik's JWT authentication failure: {@code {"code":401,"message":...}}. */
    static FakeResponse unauthorized(String message) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("code", 401);
        json.put("message", message);
        return json(401, json).withHeader("WWW-Authenticate", "Bearer");
    }
}
