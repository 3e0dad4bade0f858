package io.tributary.testkit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.spi.ConnectorException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated damage to a real record's JSON, for fuzzing a connector's mapper with jqwik: each {@link Mutation}
 * walks from the root to some field (or array element) and replaces it with a value of another type or an absurd
 * value of the same type, or removes it. Starting from records a fake shop really serves keeps the damage where a
 * mapper looks; jqwik shrinks a failing case to the fewest, simplest mutations.
 */
public final class JsonMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {}

    /** One step of damage: the path is a choice per level (taken modulo the children there), then what to put. */
    public record Mutation(List<Integer> path, JsonNode replacement, boolean remove) {
        @Override
        public String toString() {
            return (remove ? "remove" : "set " + replacement) + " at " + path;
        }
    }

    /** One to five mutations. */
    public static Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<List<Integer>> path = Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(path, values(), Arbitraries.integers().between(0, 9))
                .as((steps, value, dice) -> new Mutation(steps, value, dice == 0));
    }

    /** Values real shops and broken proxies send where something else was expected. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("", " ", "0", "-0", "0.10", "19.999", "1e3", "1E+400", "-1e-400", "NaN", "Infinity",
                        "12,50", "0x1F", "null", "true", "[]", "{}", "2024-02-30T25:61:00", "0000-00-00 00:00:00",
                        "2024-03-31T02:30:00", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59", "&amp;&lt;b&gt;",
                        "\u0000", "\uD83D\uDE00", "DROP TABLE orders;", "processing", "completed", "USD", "JPY", "KWD")
                        .map(NODES::textNode),
                Arbitraries.strings().ofMaxLength(40).map(NODES::textNode),
                Arbitraries.strings().withChars('9').ofMinLength(400).ofMaxLength(2000).map(NODES::textNode),
                Arbitraries.bigDecimals().map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(new BigDecimal("1E+999999"))),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.arrayNode().add(NODES.objectNode()).add(NODES.nullNode())));
    }

    /** A copy of {@code seed} with {@code mutations} applied in order; the seed is left as it was. */
    public static JsonNode apply(JsonNode seed, List<Mutation> mutations) {
        JsonNode copy = seed.deepCopy();
        for (Mutation mutation : mutations) {
            copy = apply(copy, mutation);
        }
        return copy;
    }

    private static JsonNode apply(JsonNode root, Mutation mutation) {
        if (!root.isContainerNode() || root.isEmpty()) {
            return mutation.remove() ? NODES.objectNode() : mutation.replacement().deepCopy();
        }
        JsonNode parent = root;
        List<Integer> steps = mutation.path();
        for (int level = 0; level < steps.size(); level++) {
            int choice = steps.get(level) % parent.size();
            JsonNode child = child(parent, choice);
            boolean last = level == steps.size() - 1 || !child.isContainerNode() || child.isEmpty();
            if (last) {
                replace(parent, choice, mutation);
                break;
            }
            parent = child;
        }
        return root;
    }

    private static JsonNode child(JsonNode parent, int index) {
        if (parent.isArray()) {
            return parent.get(index);
        }
        return parent.get(fieldName(parent, index));
    }

    private static String fieldName(JsonNode object, int index) {
        Iterator<String> names = object.fieldNames();
        for (int i = 0; i < index; i++) {
            names.next();
        }
        return names.next();
    }

    private static void replace(JsonNode parent, int index, Mutation mutation) {
        if (parent instanceof ArrayNode array) {
            if (mutation.remove()) {
                array.remove(index);
            } else {
                array.set(index, mutation.replacement().deepCopy()); // a copy: a later mutation may write into it
            }
        } else if (parent instanceof ObjectNode object) {
            String name = fieldName(object, index);
            if (mutation.remove()) {
                object.remove(name);
            } else {
                object.set(name, mutation.replacement().deepCopy());
            }
        }
    }

    /**
     * The property every mapper keeps: it maps the damaged record or refuses it — a {@link ConnectorException}, or
     * the {@link IllegalArgumentException} the mappers throw for a record they cannot read — saying why in one line;
     * never another exception (a NullPointerException, a ClassCastException, an ArithmeticException), which would
     * fail a sync with a class name instead of which record and why.
     */
    public static void mapsOrRefuses(Supplier<?> mapping) {
        try {
            if (mapping.get() == null) {
                throw new AssertionError("the mapper returned null");
            }
        } catch (ConnectorException | IllegalArgumentException refused) {
            String sentence = refused.getMessage();
            if (sentence == null || sentence.isBlank() || sentence.contains("\n")) {
                throw new AssertionError("a refusal must be one line, got: " + sentence, refused);
            }
        }
    }

    /** Seeds gathered into a list jqwik can choose from. */
    public static Arbitrary<JsonNode> seeds(List<? extends JsonNode> records) {
        return Arbitraries.of(new ArrayList<>(records));
    }
}
