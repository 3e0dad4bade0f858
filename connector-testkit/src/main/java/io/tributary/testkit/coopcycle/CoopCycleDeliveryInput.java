package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the body of {@code POST /api/deliveries} as coopcycle-web's {@code DeliveryInputDto} and
 * {@code TaskDto} take it: {@code pickup} and {@code dropoff}, each with an address (a string or an object), a time
 * window ({@code after}/{@code before}, their {@code doneAfter}/{@code doneBefore} aliases, or a {@code timeSlot}
 * range), {@code comments} and {@code metadata}. The pickup address may be left out (the store's is used).
 */
final class CoopCycleDeliveryInput {
    private static final Pattern TIME_SLOT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,24}");

    /** One task as asked. */
    record TaskInput(String street, String telephone, String contactName, String name, String description,
            Instant after, Instant before, String comments, ObjectNode metadata) {}

    /** The parsed body: both tasks, or the violations that refuse it. */
    record Parsed(TaskInput pickup, TaskInput dropoff, List<String[]> violations) {}

    private final CoopCycleState state;
    private final List<String[]> violations = new ArrayList<>();

    CoopCycleDeliveryInput(CoopCycleState state) {
        this.state = state;
    }

    Parsed parse(JsonNode body) {
        TaskInput pickup = task(body.get("pickup"), "pickup", 0, true);
        JsonNode dropoffJson = body.get("dropoff");
        TaskInput dropoff = null;
        if (dropoffJson == null || dropoffJson.isNull()) {
            violations.add(new String[] {"dropoff", "This value should not be null."});
        } else {
            dropoff = task(dropoffJson, "dropoff", 1, false);
        }
        return new Parsed(pickup, dropoff, List.copyOf(violations));
    }

    private TaskInput task(JsonNode json, String path, int index, boolean addressOptional) {
        if (json == null || json.isNull()) {
            json = CoopCycleJson.MAPPER.createObjectNode();
        }
        JsonNode address = json.get("address");
        String street = null;
        String telephone = null;
        String contactName = null;
        String name = null;
        String description = null;
        if (address != null && address.isTextual()) {
            street = address.asText();
        } else if (address != null && address.isObject()) {
            street = text(address, "streetAddress");
            telephone = text(address, "telephone");
            contactName = text(address, "contactName");
            name = text(address, "name");
            description = text(address, "description");
        }
        if (street == null || street.isBlank()) {
            if (!addressOptional) {
                violations.add(new String[] {path + ".address", "This value should not be blank."});
            }
        } else if (rejected(street)) {
            violations.add(new String[] {path + ".address", "The address could not be geocoded."});
        }
        if (telephone != null && (!PHONE.matcher(telephone).matches()
                || telephone.replaceAll("[^0-9]", "").length() < 6)) {
            violations.add(new String[] {path + ".address.telephone", "This value is not a valid phone number."});
        }
        Instant after = time(json, path, "after", "doneAfter");
        Instant before = time(json, path, "before", "doneBefore");
        String slot = text(json, "timeSlot");
        if (slot != null) {
            Matcher matcher = TIME_SLOT.matcher(slot);
            if (matcher.matches()) {
                LocalDate day = LocalDate.parse(matcher.group(1));
                after = day.atTime(LocalTime.parse(matcher.group(2))).atZone(state.zone).toInstant();
                before = day.atTime(LocalTime.parse(matcher.group(3))).atZone(state.zone).toInstant();
            } else {
                violations.add(new String[] {path + ".timeSlot", "This value is not a valid time slot."});
            }
        }
        if (before == null && slot == null) {
            violations.add(new String[] {"items[" + index + "].task.doneBefore", "This value should not be null."});
        }
        if (after != null && before != null && !after.isBefore(before)) {
            violations.add(new String[] {path + ".before", "The time window ends before it starts."});
        }
        JsonNode metadata = json.get("metadata");
        return new TaskInput(street, telephone, contactName, name, description, after, before,
                text(json, "comments"), metadata != null && metadata.isObject() ? (ObjectNode) metadata.deepCopy()
                        : null);
    }

    private boolean rejected(String street) {
        String lower = street.toLowerCase(Locale.ROOT);
        return state.read(() -> state.rejectedAddressWords.stream()
                .anyMatch(word -> lower.contains(word.toLowerCase(Locale.ROOT))));
    }

    private Instant time(JsonNode json, String path, String field, String alias) {
        String text = text(json, field) != null ? text(json, field) : text(json, alias);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new String[] {path + "." + field, "This value is not a valid datetime."});
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
