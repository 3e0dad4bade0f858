package io.tributary.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncCursorTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void ordersByTimeThenNumericId() {
        assertThat(SyncCursor.of(T, "9")).isLessThan(SyncCursor.of(T, "10"));
        assertThat(SyncCursor.of(T, "b")).isGreaterThan(SyncCursor.of(T, "a"));
        assertThat(SyncCursor.of(T, "999")).isLessThan(SyncCursor.of(T.plusMillis(1), "1"));
        assertThat(SyncCursor.START).isLessThan(SyncCursor.of(T, null));
        assertThat(SyncCursor.of(T, null)).isLessThan(SyncCursor.of(T, "1"));
        assertThat(SyncCursor.of(T, "10").isBefore(T, "11")).isTrue();
        assertThat(SyncCursor.of(T, "10").isBefore(T, "10")).isFalse();
        assertThat(SyncCursor.of(T, "010").compareTo(SyncCursor.of(T, "9"))).isLessThan(0);
    }

    @Test
    void lookbackMovesBackAndDropsTheId() {
        assertThat(SyncCursor.of(T, "5").minus(Duration.ofMinutes(5))).isEqualTo(SyncCursor.of(T.minusSeconds(300), null));
        assertThat(SyncCursor.START.minus(Duration.ofMinutes(5))).isEqualTo(SyncCursor.START);
        assertThat(SyncCursor.of(T, "5").max(SyncCursor.of(T, "4"))).isEqualTo(SyncCursor.of(T, "5"));
    }
}
