package io.tributary.testkit.magento;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, and only moves forward. The fake shop stamps
 * {@code updated_at} from one; tests may hand another to {@link FakeMagento.Builder#authClock} to move
 * token expiry and the lockout period without waiting, and the same one to the connector under test.
 */
public final class MagentoClock extends Clock {

    private volatile Instant now;

    private MagentoClock(Instant start) {
        this.now = requireNonNull(start, "start is null");
    }

    public static MagentoClock startingAt(Instant start) {
        return new MagentoClock(start);
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
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
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
        return "MagentoClock[" + now + "]";
    }
}
