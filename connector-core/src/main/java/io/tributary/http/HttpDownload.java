package io.tributary.http;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * A successful answer whose body is read while it arrives, for files too large to hold in memory (an export, a
 * bulk result). Close it when done, also after reading only part of it.
 */
public final class HttpDownload implements AutoCloseable {
    private final HttpUrl url;
    private final Response response;
    private final BufferedReader lines;

    HttpDownload(HttpUrl url, Response response) {
        this.url = requireNonNull(url, "url is null");
        this.response = requireNonNull(response, "response is null");
        this.lines = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8));
    }

    /** The body as UTF-8 text, line by line. */
    public BufferedReader lines() {
        return lines;
    }

    /** Where it came from, safe to show: scheme, host and path, no query. */
    public String where() {
        return "GET " + Redaction.withoutQuery(url);
    }

    @Override
    public void close() {
        response.close();
    }
}
