package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fake shop's clock: it stands still until a test moves it, and only moves forward. Edits made
 * through the fake take their {@code date_modified} from it. OAuth timestamps are checked against
 * the real wall clock instead, as a real server would.
 */
public final class ShopClock extends Clock {

    private volatile Instant now;

    ShopClock(Instant start) {
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
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the shop clock only moves forward: " + duration);
        }
        now = now.plus(duration);
    }

    /** Sets the clock to a later instant. */
    public synchronized void set(Instant instant) {
        requireNonNull(instant, "instant is null");
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the shop clock only moves forward: " + instant + " < " + now);
        }
        now = instant;
    }

    @Override
    public String toString() {
        return "ShopClock[" + now + "]";
    }
}
