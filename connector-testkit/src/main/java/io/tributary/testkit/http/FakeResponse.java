package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable HTTP answer: status, headers in order (a name may repeat) and body bytes. The server
 * writes {@code Content-Length} itself; handlers do not set it.
 */
public final class FakeResponse {

    private static final String JSON = "application/json; charset=UTF-8";

    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    private FakeResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public static FakeResponse of(int status) {
        return new FakeResponse(status, List.of(), new byte[0]);
    }

    public static FakeResponse json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    public static FakeResponse json(int status, byte[] json) {
        return new FakeResponse(status, List.of(Map.entry("Content-Type", JSON)), json.clone());
    }

    public static FakeResponse text(int status, String contentType, String text) {
        requireNonNull(contentType, "contentType is null");
        return new FakeResponse(status, List.of(Map.entry("Content-Type", contentType)),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header; an existing header of that name is kept. */
    public FakeResponse withHeader(String name, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value));
        return new FakeResponse(status, copy, body);
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FakeResponse[" + status + ", " + body.length + " bytes]";
    }
}
