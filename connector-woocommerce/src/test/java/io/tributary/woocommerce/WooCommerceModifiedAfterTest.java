package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WooCommerceModifiedAfterTest {
    private static final Instant AFTER = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void isTheShopsLocalTimeWithoutAZone() {
        assertThat(WooCommerceModifiedAfter.of(AFTER, ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-11-20T18:00:00");
        assertThat(WooCommerceModifiedAfter.of(AFTER, ZoneId.of("America/Los_Angeles"))).isEqualTo("2026-11-20T01:00:00");
        assertThat(WooCommerceModifiedAfter.of(AFTER, ZoneId.of("+05:30"))).isEqualTo("2026-11-20T14:30:00");
    }

    @Test
    void aLocalTimeTheClockShowsTwiceBecomesTheSecondBeforeTheRepeatedHour() {
        ZoneId paris = ZoneId.of("Europe/Paris"); // 2025-10-26: 02:00-03:00 local twice, 00:00-02:00 UTC
        assertThat(WooCommerceModifiedAfter.of(Instant.parse("2025-10-25T23:59:58Z"), paris))
                .as("just before: as it is").isEqualTo("2025-10-26T01:59:58");
        assertThat(WooCommerceModifiedAfter.of(Instant.parse("2025-10-26T00:30:00Z"), paris))
                .as("first pass").isEqualTo("2025-10-26T01:59:59");
        assertThat(WooCommerceModifiedAfter.of(Instant.parse("2025-10-26T01:30:00Z"), paris))
                .as("second pass").isEqualTo("2025-10-26T01:59:59");
        assertThat(WooCommerceModifiedAfter.of(Instant.parse("2025-10-26T02:00:00Z"), paris))
                .as("after").isEqualTo("2025-10-26T03:00:00");
    }

    @Test
    void withoutTheShopsZoneItIsUtcWithItsDesignatorAnHourEarlier() {
        assertThat(WooCommerceModifiedAfter.of(AFTER, null)).isEqualTo("2026-11-20T08:00:00Z");
    }
}
