package io.tributary.run;

import io.tributary.spi.EntityType;
import java.time.Instant;

/** A held lease on syncing one (connection, entity); {@code token} proves it is still this holder's. */
public record SyncLease(long connectionId, EntityType entity, String token, String owner, Instant acquiredAt) {}
