package io.tributary.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The request rate of one connection, found as TCP finds its window (AIMD): it starts moderate, rises while answers
 * come back clean and fast, halves when the system pushes back, and never exceeds the ceiling.
 *
 * <ul>
 *   <li>Requests are paced: each takes the next free slot, {@code 1/rate} after the one before (no bursts).</li>
 *   <li>It rises only on a clean answer to a request that had to wait for its slot (the rate was what held it
 *       back; a connection limited by its own round trips does not inflate a rate it never uses): by an eighth per
 *       answer until the first push-back (slow start, about a doubling per six answers), then by
 *       {@link #ADDITIVE_STEP} requests per second per second.</li>
 *   <li>It halves on a 429, a 5xx, a timeout or latency growth (the smoothed latency above twice its recent
 *       minimum plus {@link #LATENCY_SLACK_MILLIS}), once per round: answers to requests sent before the last
 *       halving do not halve it again.</li>
 *   <li>A {@code Retry-After} holds every request of the connection until then.</li>
 * </ul>
 *
 * Thread-safe: every session of one connection shares its instance (see {@link HttpStack#currentRate}).
 */
final class AdaptiveRate {
    /** Requests per second added per second of clean answers after the first push-back. */
    static final double ADDITIVE_STEP = 100;
    static final double LATENCY_SLACK_MILLIS = 50;
    private static final double MIN_RATE = 1;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** A slot taken: when the request may go, and whether it had to wait for it. */
    record Permit(long sendAt, boolean waited) {}

    private final double ceiling;
    private final LongSupplier nanoTime;
    private double rate;
    private boolean slowStart = true;
    private long nextFree;
    private long pausedUntil;
    private long lastDecrease;
    private double smoothedMillis = -1;
    private double minCurrentWindow = Double.MAX_VALUE;
    private double minPreviousWindow = Double.MAX_VALUE;
    private long windowStart;

    AdaptiveRate(double initial, double ceiling, LongSupplier nanoTime) {
        if (ceiling < MIN_RATE || initial < MIN_RATE) {
            throw new IllegalArgumentException("rates must be at least 1 request per second");
        }
        this.ceiling = ceiling;
        this.rate = Math.min(initial, ceiling);
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.nextFree = now;
        this.lastDecrease = now;
        this.windowStart = now;
    }

    /** Requests per second now. */
    synchronized double current() {
        return rate;
    }

    /**
     * Waits for this connection's next slot.
     *
     * @throws RateWaitTooLongException when the slot lies further than {@code maxWait} ahead (a long pause)
     * @throws InterruptedException     when the waiting thread is interrupted
     */
    Permit acquire(Duration maxWait) throws InterruptedException {
        Permit permit = reserve(maxWait);
        long wait = permit.sendAt() - nanoTime.getAsLong();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return permit;
    }

    /** Takes the next slot without waiting for it. */
    synchronized Permit reserve(Duration maxWait) {
        long now = nanoTime.getAsLong();
        long slot = Math.max(now, Math.max(nextFree, pausedUntil));
        if (slot - now > maxWait.toNanos()) {
            throw new RateWaitTooLongException();
        }
        nextFree = slot + (long) (1e9 / rate);
        return new Permit(slot, slot > now);
    }

    /** An answer came: {@code status}, after {@code latencyNanos}, maybe asking to wait {@code retryAfter}. */
    synchronized void answered(Permit permit, int status, long latencyNanos, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        if (retryAfter != null && !retryAfter.isNegative()) {
            pausedUntil = Math.max(pausedUntil, now + retryAfter.toNanos());
        }
        if (status == 429 || status >= 500) {
            pushedBack(permit);
            return;
        }
        if (latencyGrew(latencyNanos / 1e6, now)) {
            pushedBack(permit);
        } else if (permit.waited() && status < 400) {
            rate = Math.min(ceiling, slowStart ? rate * 1.125 : rate + ADDITIVE_STEP / rate);
        }
    }

    /** A request got no answer in time. */
    synchronized void timedOut(Permit permit) {
        pushedBack(permit);
    }

    private void pushedBack(Permit permit) {
        slowStart = false;
        if (permit.sendAt() - lastDecrease < 0) {
            return; // sent before the last halving: that push-back is already answered
        }
        rate = Math.max(MIN_RATE, rate / 2);
        lastDecrease = nanoTime.getAsLong();
    }

    /** Smooths the latency and says whether it grew beyond twice its minimum of the last half minute or so. */
    private boolean latencyGrew(double millis, long now) {
        smoothedMillis = smoothedMillis < 0 ? millis : smoothedMillis + 0.25 * (millis - smoothedMillis);
        if (now - windowStart > WINDOW_NANOS) {
            minPreviousWindow = minCurrentWindow;
            minCurrentWindow = Double.MAX_VALUE;
            windowStart = now;
        }
        minCurrentWindow = Math.min(minCurrentWindow, smoothedMillis);
        double baseline = Math.min(minCurrentWindow, minPreviousWindow);
        return smoothedMillis > 2 * baseline + LATENCY_SLACK_MILLIS;
    }

    /** The next free slot is further ahead than a caller may wait. */
    static final class RateWaitTooLongException extends RuntimeException {
        RateWaitTooLongException() {
            super(null, null, false, false);
        }
    }
}
