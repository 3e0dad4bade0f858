package io.tributary.daemon.cli.render;

import io.tributary.spi.ValidationProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command that failed: one readable sentence (or one line per problem) on stderr, and with {@code --json} an
 * error document on stdout, so a script still reads one JSON document.
 */
public final class ErrorRenderer {
    public Map<String, Object> json(String message, int exitCode, List<ValidationProblem> problems) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        json.put("exitCode", exitCode);
        if (!problems.isEmpty()) {
            json.put("problems", problems.stream().map(ErrorRenderer::problem).toList());
        }
        return json;
    }

    public List<String> lines(String message, List<ValidationProblem> problems) {
        if (problems.size() <= 1) {
            return List.of("Error: " + message);
        }
        List<String> lines = new ArrayList<>();
        lines.add("Error: " + problems.size() + " problems:");
        problems.forEach(p -> lines.add("  - " + p.field() + ": " + p.message()));
        return lines;
    }

    private static Map<String, Object> problem(ValidationProblem p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", p.field());
        json.put("message", p.message());
        return json;
    }
}
