package io.tributary.scheduler;

import io.tributary.spi.EntityType;
import java.time.Duration;

/**
 * Hears about every firing of a sync job on this node, as it starts and before the sync runs: the daemon records
 * how late firings are (metrics). A late firing means the node's sync threads were all busy or the nodes were slow
 * to acquire the trigger. Quartz moves a firing missed by more than its misfire threshold (60 s) — every node down,
 * say — to the moment it fires it, so such a firing is heard as on time.
 */
@FunctionalInterface
public interface FiringHook {
    FiringHook NONE = (entity, lag) -> {};

    /** @param lag the time the job actually fired minus the time its trigger was due (zero when on time) */
    void fired(EntityType entity, Duration lag);
}
