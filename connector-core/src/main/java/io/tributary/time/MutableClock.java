package io.tributary.time;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until someone moves it, and only moves forward. Tests move it to see expiry, leases and
 * schedules without waiting; the testkit's fake shops stamp their changes from one, and the daemon's demo runs such
 * a shop, which is why it lives here and not in a test jar.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    private MutableClock(Instant start) {
        this.now = requireNonNull(start, "start is null");
    }

    public static MutableClock startingAt(Instant start) {
        return new MutableClock(start);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A clock in that zone standing at this clock's instant now; it does not follow later moves. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration duration) {
        if (requireNonNull(duration, "duration is null").isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + duration);
        }
        now = now.plus(duration);
    }

    /** Sets the clock to a later instant. */
    public synchronized void set(Instant instant) {
        requireNonNull(instant, "instant is null");
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward: " + instant + " < " + now);
        }
        now = instant;
    }

    @Override
    public String toString() {
        return "MutableClock[" + now + "]";
    }
}
