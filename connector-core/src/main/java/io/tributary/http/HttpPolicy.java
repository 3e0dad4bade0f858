package io.tributary.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the shared HTTP stack talks to external systems: timeouts, the one retry layer, the per-connection rate
 * limit and the time budget of a verification. Built with {@link #builder()}; bad values are rejected at once.
 *
 * @param maxAttempts        attempts per request, the first included; only 429, 5xx and I/O failures are retried
 * @param maxRetryAfter      the longest {@code Retry-After} worth waiting for; a longer one fails the request
 * @param requestsPerSecond  the most requests one connection sends per second: the ceiling of its adaptive rate
 * @param initialRequestsPerSecond where a connection's adaptive rate starts (capped by the ceiling)
 * @param verificationBudget the most a whole verification may take
 * @param circuitFailures    failed attempts in a row (I/O failures and 5xx, across all of a connection's calls) that
 *                           open the connection's circuit: its calls then fail at once instead of waiting out retries
 * @param circuitOpenFor     how long an open circuit refuses calls before one trial call may go through
 */
public record HttpPolicy(
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        int requestsPerSecond,
        int initialRequestsPerSecond,
        Duration verificationBudget,
        int circuitFailures,
        Duration circuitOpenFor) {

    public HttpPolicy {
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        positive("maxRetryAfter", maxRetryAfter);
        positive("verificationBudget", verificationBudget);
        positive("circuitOpenFor", circuitOpenFor);
        if (circuitFailures < 2) {
            throw new IllegalArgumentException("circuitFailures must be at least 2, got " + circuitFailures);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, got " + maxAttempts);
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, got " + backoffMultiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1, got " + requestsPerSecond);
        }
        if (initialRequestsPerSecond < 1) {
            throw new IllegalArgumentException("initialRequestsPerSecond must be at least 1, got "
                    + initialRequestsPerSecond);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
    }

    private static void positive(String name, Duration value) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The default ceiling of a connection's rate: high, so that the adaptive rate, not a guess, decides. */
    public static final int DEFAULT_CEILING = 1000;

    public static Builder builder() {
        return new Builder();
    }

    public static HttpPolicy defaults() {
        return builder().build();
    }

    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private int requestsPerSecond = DEFAULT_CEILING;
        private int initialRequestsPerSecond = 20;
        private Duration verificationBudget = Duration.ofSeconds(15);
        // twice the attempts of one request: one unlucky request alone never opens it, a dead shop soon does
        private int circuitFailures = 10;
        private Duration circuitOpenFor = Duration.ofMinutes(1);

        private Builder() {}

        public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        public Builder readTimeout(Duration value) { readTimeout = value; return this; }
        public Builder maxAttempts(int value) { maxAttempts = value; return this; }
        public Builder initialBackoff(Duration value) { initialBackoff = value; return this; }
        public Builder backoffMultiplier(double value) { backoffMultiplier = value; return this; }
        public Builder maxBackoff(Duration value) { maxBackoff = value; return this; }
        public Builder jitter(double value) { jitter = value; return this; }
        public Builder maxRetryAfter(Duration value) { maxRetryAfter = value; return this; }
        public Builder requestsPerSecond(int value) { requestsPerSecond = value; return this; }
        public Builder initialRequestsPerSecond(int value) { initialRequestsPerSecond = value; return this; }
        public Builder verificationBudget(Duration value) { verificationBudget = value; return this; }
        public Builder circuitFailures(int value) { circuitFailures = value; return this; }
        public Builder circuitOpenFor(Duration value) { circuitOpenFor = value; return this; }

        public HttpPolicy build() {
            return new HttpPolicy(connectTimeout, readTimeout, maxAttempts, initialBackoff, backoffMultiplier,
                    maxBackoff, jitter, maxRetryAfter, requestsPerSecond, initialRequestsPerSecond, verificationBudget,
                    circuitFailures, circuitOpenFor);
        }
    }
}
