package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of an online check of a connection, the answer to the admin's <em>Verify connection</em> button.
 *
 * @param kind       {@link FailureKind#OK} or why it failed
 * @param message    one human sentence: what works, or what is wrong and what to do about it; never a secret
 * @param httpStatus the HTTP status of the answer that decided the outcome, or null when there was none
 * @param latencyMs  the time the whole verification took
 * @param details    facts learned on the way (store name, API version, base currency, supported filters)
 */
public record VerificationResult(
        FailureKind kind, String message, Integer httpStatus, long latencyMs, Map<String, String> details) {

    public VerificationResult {
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(details, "details is null")));
    }

    public static VerificationResult ok(String message, Integer httpStatus, long latencyMs, Map<String, String> details) {
        return new VerificationResult(FailureKind.OK, message, httpStatus, latencyMs, details);
    }

    public static VerificationResult failed(
            FailureKind kind, String message, Integer httpStatus, long latencyMs, Map<String, String> details) {
        if (kind == FailureKind.OK) {
            throw new IllegalArgumentException("a failed verification needs a failure kind");
        }
        return new VerificationResult(kind, message, httpStatus, latencyMs, details);
    }

    public boolean ok() {
        return kind == FailureKind.OK;
    }
}
