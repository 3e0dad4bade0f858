package io.tributary.record;

import java.time.Instant;

/**
 * The light view of an order that partners poll: its number and status, when the shop last changed it and when the
 * store last stored a change to it ({@code storedAt}, the order of {@link RecordQueries#orderStatuses}), and when it
 * was found deleted at the source ({@code deletedAt}, null while it is there; the marking is itself a stored change).
 */
public record OrderStatus(long connectionId, String storeCode, String externalId, String number, String status,
        Instant updatedAt, Instant storedAt, Instant deletedAt) {}
