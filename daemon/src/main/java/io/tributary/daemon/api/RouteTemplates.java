package io.tributary.daemon.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes the server registered ({@code GET /api/v1/connections/{id}}), and which of them a request's path
 * matches: what the request metrics label a request with, so a label never holds an id from a path. Matched here
 * rather than asked of Javalin, which knows the endpoint only once a before-handler (the key check) has let the
 * request through: a refused request is labelled with its route as well.
 */
final class RouteTemplates {
    static final String UNMATCHED = "unmatched";

    private record Template(String verb, String path, String[] segments, int literals) {}

    private final List<Template> templates = new CopyOnWriteArrayList<>();

    void add(String verb, String path) {
        String[] segments = segments(path);
        int literals = 0;
        for (String segment : segments) {
            literals += isParameter(segment) ? 0 : 1;
        }
        templates.add(new Template(verb, path, segments, literals));
    }

    /** Every route as {@code VERB /path}, in the order registered. */
    List<String> all() {
        return templates.stream().map(t -> t.verb() + " " + t.path()).toList();
    }

    /**
     * The template of the route that answers {@code verb path}: where several match ({@code /connections/verify}
     * and {@code /connections/{id}}), the one with the most literal segments, as the router picks it; else
     * {@link #UNMATCHED}.
     */
    String of(String verb, String path) {
        String[] segments = segments(path);
        Template best = null;
        for (Template template : templates) {
            if (template.verb().equals(verb) && matches(template.segments(), segments)
                    && (best == null || template.literals() > best.literals())) {
                best = template;
            }
        }
        return best == null ? UNMATCHED : best.path();
    }

    private static boolean matches(String[] template, String[] path) {
        if (template.length != path.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!isParameter(template[i]) && !template[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") || segment.startsWith("<") && segment.endsWith(">");
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
