package io.tributary.testkit.coopcycle;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fake CoopCycle's clock: it stands still until a test moves it, and only moves forward. Deliveries take their
 * {@code createdAt} from it, tokens their expiry.
 */
public final class CoopCycleClock extends Clock {
    private volatile Instant now;

    CoopCycleClock(Instant start) {
        this.now = requireNonNull(start, "start is null");
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

    @Override
    public String toString() {
        return "CoopCycleClock[" + now + "]";
    }
}
