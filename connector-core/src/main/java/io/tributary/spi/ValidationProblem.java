package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/** One thing wrong with a connection's settings, found without contacting the system. */
public record ValidationProblem(String field, String message) {
    public ValidationProblem {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
