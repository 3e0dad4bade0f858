package io.tributary.daemon.metrics;

import java.time.Duration;

/** The histogram buckets of the timers that have them: a few fixed bounds, so a scrape stays small. */
final class Buckets {
    /** A sync run: seconds for an incremental sync, up to hours for a first full one. */
    static final Duration[] RUN = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3)};

    /**
     * How late a firing was: on time is well under a second; seconds mean every sync thread was busy. Quartz moves
     * a firing more than its misfire threshold (60 s) late to "now" and fires it once, so values stay under about a
     * minute, and downtime (no node running) does not show here.
     */
    static final Duration[] FIRE_LAG = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private Buckets() {}
}
