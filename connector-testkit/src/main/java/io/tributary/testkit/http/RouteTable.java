package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a method and a path against templates such as {@code /products/{id:\d+}/variations}.
 * A {@code {name}} matches one path segment; {@code {name:regex}} narrows it. Trailing slashes are
 * ignored. Routes are tried in the order added. The handler type is free, so each fake can pass
 * its own request context to its handlers.
 *
 * @param <H> what a route leads to
 */
public final class RouteTable<H> {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]+))?}");

    private final List<Route<H>> routes = new CopyOnWriteArrayList<>();

    /** A matched route: its handler and the values of its placeholders. */
    public record Match<H>(H handler, Map<String, String> pathParameters) {

        public Match {
            requireNonNull(handler, "handler is null");
            pathParameters = Map.copyOf(pathParameters);
        }

        public String pathParameter(String name) {
            String value = pathParameters.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no path parameter " + name);
            }
            return value;
        }
    }

    private record Route<H>(String method, Pattern pattern, List<String> names, H handler) {
    }

    public RouteTable<H> add(String method, String template, H handler) {
        requireNonNull(method, "method is null");
        requireNonNull(handler, "handler is null");
        List<String> names = new ArrayList<>();
        String trimmed = trimSlash(template);
        StringBuilder regex = new StringBuilder("^");
        Matcher matcher = PLACEHOLDER.matcher(trimmed);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, matcher.start())));
            names.add(matcher.group(1));
            regex.append('(').append(matcher.group(2) == null ? "[^/]+" : matcher.group(2)).append(')');
            last = matcher.end();
        }
        regex.append(Pattern.quote(trimmed.substring(last))).append('$');
        routes.add(new Route<>(method.toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /** The first route matching both method and path. */
    public Optional<Match<H>> match(String method, String path) {
        String trimmed = trimSlash(path);
        for (Route<H> route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(trimmed);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    parameters.put(route.names().get(i), matcher.group(i + 1));
                }
                return Optional.of(new Match<>(route.handler(), parameters));
            }
        }
        return Optional.empty();
    }

    /** Whether some route, of any method, matches the path. */
    public boolean hasPath(String path) {
        String trimmed = trimSlash(path);
        return routes.stream().anyMatch(route -> route.pattern().matcher(trimmed).matches());
    }

    private static String trimSlash(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
