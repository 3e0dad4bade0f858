package io.tributary.intake;

import io.tributary.record.StoredOrder;

/** The order stored under a posted number, and whether this post stored it (false: an earlier post with it had). */
public record PostedOrder(StoredOrder order, boolean created) {}
