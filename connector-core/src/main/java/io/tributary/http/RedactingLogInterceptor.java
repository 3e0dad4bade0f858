package io.tributary.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request at DEBUG as one line — method, URL with credential parameters redacted, status, time —
 * and its headers at TRACE with credential headers redacted. Never logs a body.
 */
final class RedactingLogInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger("io.tributary.http");
    private final String label;

    RedactingLogInterceptor(String label) {
        this.label = label;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        if (log.isTraceEnabled()) {
            StringBuilder headers = new StringBuilder();
            request.headers().forEach(h -> headers.append(' ').append(h.getFirst()).append('=')
                    .append(Redaction.isCredentialHeader(h.getFirst()) ? "****" : h.getSecond()));
            log.trace("{}: {} {} headers:{}", label, request.method(), Redaction.redacted(request.url()), headers);
        }
        try {
            Response response = chain.proceed(request);
            if (log.isDebugEnabled()) {
                log.debug("{}: {} {} -> {} ({} ms)", label, request.method(), Redaction.redacted(request.url()),
                        response.code(), (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            if (log.isDebugEnabled()) {
                log.debug("{}: {} {} -> {} ({} ms)", label, request.method(), Redaction.redacted(request.url()),
                        e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            }
            throw e;
        }
    }
}
