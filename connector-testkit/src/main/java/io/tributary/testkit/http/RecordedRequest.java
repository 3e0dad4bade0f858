package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request exactly as a fake server received it, so a test can check what the client sent:
 * the raw path and query, the decoded query parameters (every value of a repeated name, in order),
 * the headers (names compared without case) and the body.
 */
public final class RecordedRequest {

    private final long sequence;
    private final String method;
    private final String target;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    RecordedRequest(long sequence, String method, String target, Map<String, List<String>> headers, byte[] body) {
        this.sequence = sequence;
        this.method = requireNonNull(method, "method is null");
        this.target = requireNonNull(target, "target is null");
        String pathAndQuery = originForm(target);
        int question = pathAndQuery.indexOf('?');
        this.rawPath = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        this.rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
        this.queryParameters = QueryString.parse(rawQuery);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, ignored -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    private static String originForm(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    /** Position of this request in the server's log, starting at 1. */
    public long sequence() {
        return sequence;
    }

    public String method() {
        return method;
    }

    /** The request target exactly as sent on the request line. */
    public String target() {
        return target;
    }

    /** The path as sent, still percent-encoded, without the query. */
    public String rawPath() {
        return rawPath;
    }

    /** The path with percent escapes decoded. */
    public String path() {
        return QueryString.rawDecode(rawPath);
    }

    /** The query string as sent, without the {@code ?}; empty when there was none. */
    public String rawQuery() {
        return rawQuery == null ? "" : rawQuery;
    }

    public boolean hasQuery() {
        return rawQuery != null;
    }

    /** Decoded query parameters in the order sent; a repeated name keeps all its values. */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a query parameter, empty when it was not sent. */
    public List<String> queryParameterValues(String name) {
        return queryParameters.getOrDefault(name, List.of());
    }

    /** Headers by name; lookups in this map ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, the name compared without case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // The query is left out: it may carry credentials (consumer_secret, oauth_signature).
        return "#" + sequence + " " + method + " " + rawPath;
    }
}
