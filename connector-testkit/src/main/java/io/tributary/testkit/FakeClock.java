package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fake shop's clock: it stands still until a test moves it, and only moves forward. The fakes stamp what they
 * change (modification and creation times, token expiry, lockouts) from it; checks a real server makes against the
 * wall clock (OAuth timestamps) use the wall clock.
 */
public final class FakeClock extends Clock {
    private volatile Instant now;

    private FakeClock(Instant start) {
        this.now = requireNonNull(start, "start is null");
    }

    public static FakeClock startingAt(Instant start) {
        return new FakeClock(start);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

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
        return "FakeClock[" + now + "]";
    }
}
