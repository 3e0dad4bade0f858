package io.tributary.route;

import io.tributary.spi.DeliveryReceipt;

/**
 * A test seam: runs after the target created a delivery and before the dispatcher commits its id, where a crash
 * is the hardest case for exactly-once. Production code uses {@link #NONE}.
 */
@FunctionalInterface
interface DispatchHook {
    DispatchHook NONE = (route, orderExternalId, receipt) -> {};

    void afterPost(Route route, String orderExternalId, DeliveryReceipt receipt);
}
