package io.tributary.scheduler;

import java.time.Duration;

/**
 * How the daemon's scheduler runs.
 *
 * @param nodeId          this node's Quartz instance id, or null for AUTO (host name and start time)
 * @param threads         syncs that may run at once on this node
 * @param checkinInterval how often a clustered node records that it is alive; a node silent for about this
 *                        plus 7.5 s is taken for dead and its recoverable jobs run elsewhere
 * @param reconcileEvery  how often schedule changes in the store are applied to the triggers
 */
public record SchedulerOptions(String nodeId, int threads, Duration checkinInterval, Duration reconcileEvery) {
    /**
     * Syncs a node runs at once unless told otherwise. A sync mostly waits for its system and the database, so more
     * threads than cores pay: with 1,000 syncs of small shops due in one minute, 4 threads started the last one
     * about 40 s late.
     */
    public static final int DEFAULT_THREADS = 16;

    public SchedulerOptions {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("scheduler threads must be 1..64, got " + threads);
        }
        if (checkinInterval.toMillis() < 1000 || reconcileEvery.toMillis() < 100) {
            throw new IllegalArgumentException("check-in interval must be at least 1 s, reconcile interval 100 ms");
        }
        if (nodeId != null && !nodeId.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new IllegalArgumentException("A node id is 1-100 letters, digits, dots, dashes, colons or "
                    + "underscores; got '" + nodeId + "'.");
        }
    }

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(null, DEFAULT_THREADS, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
