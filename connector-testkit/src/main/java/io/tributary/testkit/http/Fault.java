package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;

/**
 * Something going wrong on the way between a client and a fake server. Arm a fault with
 * {@link FaultInjector#inject(Fault, int)}. Latency delays a request and lets it go on; every other
 * kind decides how the request ends:
 * <ul>
 *   <li>{@link Kind#STATUS}: the handler is not called; a JSON error with that status answers
 *       (and a {@code Retry-After} header in seconds when given), as a proxy or WAF would;</li>
 *   <li>{@link Kind#CONNECTION_RESET}: the handler is not called; the socket is closed with
 *       {@code SO_LINGER 0} before any byte of answer, so the client sees a TCP RST;</li>
 *   <li>{@link Kind#GARBAGE}: the handler is not called; 512 random bytes, not HTTP, then the connection
 *       closes;</li>
 *   <li>{@link Kind#MALFORMED_JSON}: the handler runs; a 200 {@code application/json} answer
 *       carries only the first half of its body;</li>
 *   <li>{@link Kind#DROP_MID_BODY}: the handler runs; the headers announce the whole body but only
 *       half of it is sent before the connection closes.</li>
 * </ul>
 */
public final class Fault {

    /** The kinds of fault. */
    public enum Kind { LATENCY, STATUS, CONNECTION_RESET, GARBAGE, MALFORMED_JSON, DROP_MID_BODY }

    private final Kind kind;
    private final Duration latency;
    private final int status;
    private final Duration retryAfter;
    private final String body;

    private Fault(Kind kind, Duration latency, int status, Duration retryAfter, String body) {
        this.kind = kind;
        this.latency = latency;
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    public static Fault latency(Duration delay) {
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.LATENCY, delay, 0, null, null);
    }

    /** An answer with this status and a JSON error body, e.g. 429, 500, 503. */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        String json = "{\"code\":\"fake_http_" + status + "\",\"message\":\"Injected fault: HTTP " + status
                + "\",\"data\":{\"status\":" + status + "}}";
        return new Fault(Kind.STATUS, Duration.ZERO, status, null, json);
    }

    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, Duration.ZERO, 0, null, null);
    }

    /** Random bytes instead of an HTTP answer, then a close. */
    public static Fault garbage() {
        return new Fault(Kind.GARBAGE, Duration.ZERO, 0, null, null);
    }

    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, Duration.ZERO, 0, null, null);
    }

    public static Fault dropMidBody() {
        return new Fault(Kind.DROP_MID_BODY, Duration.ZERO, 0, null, null);
    }

    /** A status fault that also sends {@code Retry-After} with this many whole seconds. */
    public Fault withRetryAfter(Duration wait) {
        requireNonNull(wait, "wait is null");
        requireKind(Kind.STATUS);
        return new Fault(kind, latency, status, wait, body);
    }

    /** A status fault with this JSON body instead of the default error document. */
    public Fault withBody(String json) {
        requireNonNull(json, "json is null");
        requireKind(Kind.STATUS);
        return new Fault(kind, latency, status, retryAfter, json);
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("only a " + expected + " fault takes this option, not " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    public Duration latency() {
        return latency;
    }

    public int status() {
        return status;
    }

    FakeResponse statusResponse() {
        FakeResponse response = FakeResponse.json(status, body);
        return retryAfter == null ? response : response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LATENCY -> "latency " + latency;
            case STATUS -> "status " + status + (retryAfter == null ? "" : " retry-after " + retryAfter.toSeconds() + "s");
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
