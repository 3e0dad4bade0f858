package io.tributary.http;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A complete HTTP answer, body read: status, headers and body text, and the URL it came from (for messages,
 * always shown through {@link #where()}, which carries no query string and so no credential).
 */
public record HttpAnswer(String method, HttpUrl url, int status, Headers headers, String body, long latencyMs) {
    public HttpAnswer {
        requireNonNull(method, "method is null");
        requireNonNull(url, "url is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The media type without parameters, lower case, or empty. */
    public String mediaType() {
        String type = headers.get("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the body looks like an HTML page rather than an API answer. */
    public boolean looksLikeHtml() {
        String start = body.stripLeading();
        String prefix = start.substring(0, Math.min(start.length(), 15)).toLowerCase(Locale.ROOT);
        return mediaType().contains("html") || prefix.startsWith("<!doctype") || prefix.startsWith("<html");
    }

    /** {@code GET https://host/path}: where the answer came from, safe to show (no query, no credentials). */
    public String where() {
        return method + " " + Redaction.withoutQuery(url);
    }
}
