package io.tributary.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate's rules on a clock that moves only when told (no sleeping: every permit is taken at its slot). */
class AdaptiveRateTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final AtomicLong clock = new AtomicLong(1_000_000 * MS);
    private final AdaptiveRate rate = new AdaptiveRate(20, 1000, clock::get);

    /** Takes the next slot as a caller would, moving the clock to it. */
    private AdaptiveRate.Permit take() {
        AdaptiveRate.Permit permit = rate.reserve(Duration.ofMinutes(5));
        clock.set(Math.max(clock.get(), permit.sendAt()));
        return permit;
    }

    private void answer(AdaptiveRate.Permit permit, int status, long latencyMillis) {
        clock.addAndGet(latencyMillis * MS);
        rate.answered(permit, status, latencyMillis * MS, null);
    }

    @Test
    void pacesRequestsAtTheStartingRate() {
        AdaptiveRate.Permit first = rate.reserve(Duration.ofMinutes(5));
        AdaptiveRate.Permit second = rate.reserve(Duration.ofMinutes(5));

        assertThat(first.waited()).isFalse();
        assertThat(second.waited()).isTrue();
        assertThat(second.sendAt() - first.sendAt()).as("1/20 s apart").isEqualTo(50 * MS);
    }

    @Test
    void risesQuicklyWhileAnswersAreCleanAndTheRateHoldsRequestsBack() {
        for (int i = 0; i < 40; i++) {
            answer(take(), 200, 0);
        }

        assertThat(rate.current()).as("slow start reaches the ceiling within ~35 answers").isEqualTo(1000);
    }

    @Test
    void doesNotRiseWhenRoundTripsNotTheRateHoldRequestsBack() {
        for (int i = 0; i < 40; i++) {
            AdaptiveRate.Permit permit = take();
            answer(permit, 200, 200); // 200 ms per answer: 5 requests a second, far below 20
        }

        assertThat(rate.current()).isEqualTo(20);
    }

    @Test
    void halvesOnTooManyRequestsOncePerRoundThenRisesAdditively() {
        for (int i = 0; i < 40; i++) {
            answer(take(), 200, 0);
        }
        AdaptiveRate.Permit a = take();
        AdaptiveRate.Permit b = take(); // in flight together with a
        answer(a, 429, 2);
        answer(b, 429, 2);

        assertThat(rate.current()).as("two answers of one round halve once").isEqualTo(500);

        answer(take(), 503, 2);
        assertThat(rate.current()).as("a request sent after the halving halves again").isEqualTo(250);

        for (int i = 0; i < 250; i++) {
            answer(take(), 200, 0);
        }
        // additive: about 100 requests per second more for each second of clean answers
        assertThat(rate.current()).isBetween(330.0, 400.0);
    }

    @Test
    void halvesOnATimeoutAndWhenLatencyGrows() {
        for (int i = 0; i < 40; i++) {
            answer(take(), 200, 0);
        }
        rate.timedOut(take());
        assertThat(rate.current()).isEqualTo(500);

        for (int i = 0; i < 3; i++) {
            answer(take(), 200, 400); // a server getting slower: smoothed latency far above twice its minimum
        }
        assertThat(rate.current()).isLessThan(500);
    }

    @Test
    void retryAfterHoldsEveryRequestOfTheConnectionUntilThen() {
        AdaptiveRate.Permit limited = take();
        rate.answered(limited, 429, 2 * MS, Duration.ofSeconds(3));

        AdaptiveRate.Permit next = rate.reserve(Duration.ofMinutes(5));

        assertThat(next.sendAt() - clock.get()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(3));
        assertThatThrownBy(() -> rate.reserve(Duration.ofSeconds(1)))
                .isInstanceOf(AdaptiveRate.RateWaitTooLongException.class);
    }

    @Test
    void neverStartsAboveItsCeiling() {
        assertThat(new AdaptiveRate(20, 5, clock::get).current()).isEqualTo(5);
    }
}
