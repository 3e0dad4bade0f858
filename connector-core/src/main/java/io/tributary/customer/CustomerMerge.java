package io.tributary.customer;

import java.time.Instant;

/**
 * A recorded merge: {@code absorbedId} (with the customers merged into it before) became part of {@code survivorId}
 * because one order carried the key of each ({@code reasonKind}, {@code reasonValue}). Undone: {@code undoneAt}.
 */
public record CustomerMerge(long id, long survivorId, long absorbedId, String reasonKind, String reasonValue,
        Long connectionId, String orderExternalId, Instant mergedAt, Instant undoneAt) {}
