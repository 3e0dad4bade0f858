package io.tributary.route;

import io.tributary.spi.DeliveryRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time rule of a route: the dropoff window opens {@code leadMinutes} after the order is posted (rounded up to
 * the minute) and lasts {@code slotMinutes}; the pickup window is the slot-long window that ends when the dropoff
 * window opens.
 */
record DeliveryWindows(DeliveryRequest.Window pickup, DeliveryRequest.Window dropoff) {
    static DeliveryWindows of(Route route, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant roundedUp = minute.equals(now) ? now : minute.plus(Duration.ofMinutes(1));
        Instant dropoffAfter = roundedUp.plus(Duration.ofMinutes(route.leadMinutes()));
        Duration slot = Duration.ofMinutes(route.slotMinutes());
        return new DeliveryWindows(new DeliveryRequest.Window(dropoffAfter.minus(slot), dropoffAfter),
                new DeliveryRequest.Window(dropoffAfter, dropoffAfter.plus(slot)));
    }
}
