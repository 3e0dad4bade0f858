package io.tributary.http;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;

/**
 * The circuit of one connection, shared by all its sync sessions (products and orders, the parallel calls of one
 * page): after {@link HttpPolicy#circuitFailures()} failed attempts in a row — I/O failures and 5xx answers; a 429
 * is a sign of life, a 4xx an answer — it opens, and every call fails at once with a sentence naming the last
 * failure and when the next try is allowed, instead of each request waiting out its own retries against a dead
 * shop. After {@link HttpPolicy#circuitOpenFor()} one trial call goes through: an answer closes the circuit, another
 * failure opens it again. A Resilience4j {@link CircuitBreaker} counts; this class adds the sentence.
 */
final class ShopCircuit {
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CircuitBreaker breaker;
    private final HttpPolicy policy;
    private final Clock clock;
    private final AtomicReference<Failure> last = new AtomicReference<>();
    private final AtomicReference<Instant> openedAt = new AtomicReference<>();

    private record Failure(FailureKind kind, String sentence) {}

    ShopCircuit(String name, HttpPolicy policy, Clock clock) {
        this.policy = requireNonNull(policy, "policy is null");
        this.clock = requireNonNull(clock, "clock is null");
        int failures = policy.circuitFailures();
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100) // every one of the last N attempts failed: not a bad moment, a dead shop
                .waitDurationInOpenState(policy.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.set(clock.instant());
            }
        });
    }

    /**
     * Takes leave to send one attempt to {@code url}.
     *
     * @throws ConnectorException when the circuit is open: the last failure's kind, with a sentence
     */
    void admit(HttpUrl url) {
        if (breaker.tryAcquirePermission()) {
            return;
        }
        Failure failure = last.get();
        Instant opened = openedAt.get();
        String again = opened == null ? "" : "; it tries again from "
                + CLOCK_TIME.format(opened.plus(policy.circuitOpenFor()));
        throw new ConnectorException(failure == null ? FailureKind.UNREACHABLE : failure.kind(),
                "Tributary stopped calling " + host(url) + " after " + policy.circuitFailures()
                        + " failed attempts in a row" + again + ". The last failure: "
                        + (failure == null ? "unknown." : failure.sentence()), null, null);
    }

    /** The attempt got an answer: a 5xx counts as a failure, anything else as a sign of life. */
    void answered(int status, HttpUrl url, long nanos) {
        if (status >= 500) {
            failed(FailureKind.SERVER_ERROR, host(url) + " answered HTTP " + status + ".", nanos);
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The attempt got no answer; a failure the circuit does not judge (TLS, a refused redirect) is left out. */
    void heardNothing(ConnectorException failure, boolean counts, long nanos) {
        if (counts) {
            failed(failure.kind(), failure.getMessage(), nanos);
        } else {
            breaker.releasePermission();
        }
    }

    /** Gives back leave taken by {@link #admit} for an attempt that was never sent. */
    void release() {
        breaker.releasePermission();
    }

    private void failed(FailureKind kind, String sentence, long nanos) {
        last.set(new Failure(kind, sentence));
        breaker.onError(nanos, TimeUnit.NANOSECONDS, new ShopDownException());
    }

    boolean isOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    private static String host(HttpUrl url) {
        return url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    /** What the breaker is told a failed attempt threw; never thrown. */
    private static final class ShopDownException extends RuntimeException {
        ShopDownException() {
            super(null, null, false, false);
        }
    }
}
