package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
 *
 * <p>A {@code telephone} is read as coopcycle-web reads it: libphonenumber's {@code parse} with the instance's
 * country as default region ({@code COOPCYCLE_COUNTRY}; misd's {@code PhoneNumberNormalizer}), stored and served in
 * E.164. A string libphonenumber cannot parse fails the whole request before any validation, as a 400
 * {@code hydra:Error} carrying libphonenumber's message ("The string supplied did not seem to be a phone number.");
 * a number that parses but is not a valid one is a violation of {@code items[n].task.address.telephone} ("This value
 * is not a valid phone number.", misd's {@code PhoneNumber} constraint, reached through {@code Assert\Valid} on the
 * delivery's items, their task and its address). An empty string or {@code false} is no phone.
 */
final class CoopCycleDeliveryInput {
    private static final Pattern TIME_SLOT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** One task as asked. */
    record TaskInput(String street, String telephone, String contactName, String name, String description,
            Instant after, Instant before, String comments, ObjectNode metadata) {}

    /**
     * The parsed body: both tasks, or the violations that refuse it, or the message of a value that could not be
     * read at all ({@code unreadable}: answered before any validation).
     */
    record Parsed(TaskInput pickup, TaskInput dropoff, List<String[]> violations, String unreadable) {}

    private final CoopCycleState state;
    private final List<String[]> violations = new ArrayList<>();
    private String unreadable;

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
        return new Parsed(pickup, dropoff, List.copyOf(violations), unreadable);
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
            telephone = telephone(address.get("telephone"), index);
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

    /** The phone in E.164, or null for none; an unreadable or invalid one is noted as CoopCycle answers it. */
    private String telephone(JsonNode value, int index) {
        if (value == null || value.isNull() || value.isBoolean() || value.asText().isEmpty()) {
            return null;
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(value.asText(), state.read(() -> state.country).toUpperCase(Locale.ROOT));
        } catch (NumberParseException e) {
            if (unreadable == null) {
                unreadable = e.getMessage();
            }
            return null;
        }
        if (!PHONES.isValidNumber(number)) {
            violations.add(new String[] {"items[" + index + "].task.address.telephone",
                    "This value is not a valid phone number."});
        }
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
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
