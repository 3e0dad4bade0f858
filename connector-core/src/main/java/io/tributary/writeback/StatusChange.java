package io.tributary.writeback;

import static java.util.Objects.requireNonNull;

import io.tributary.record.StoredOrder;

/**
 * What a status change did: the order as now stored, and the write to its shop when one was made (null when the
 * order already had the status, or came in through the API and has no shop).
 *
 * @param changed whether the central status changed (false: it already was the status asked for)
 */
public record StatusChange(StoredOrder order, boolean changed, StatusWrite write) {
    public StatusChange {
        requireNonNull(order, "order is null");
    }
}
