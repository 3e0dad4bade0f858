package io.tributary.store;

import io.tributary.spi.ValidationProblem;
import java.util.List;

/** Input that cannot be accepted, with every problem found. The CLI exits with 2 (bad input). */
public class InvalidInputException extends RuntimeException {
    private final List<ValidationProblem> problems;

    public InvalidInputException(List<ValidationProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new ValidationProblem(field, message)));
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String summary(List<ValidationProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        problems.forEach(p -> text.append(' ').append(p.message()));
        return text.toString();
    }
}
