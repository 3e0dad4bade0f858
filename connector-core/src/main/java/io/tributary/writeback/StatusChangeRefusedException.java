package io.tributary.writeback;

import static java.util.Objects.requireNonNull;

/**
 * A status change that was not made: the central status is unchanged. The message is one readable sentence saying
 * why, with no credential in it.
 */
public class StatusChangeRefusedException extends RuntimeException {
    /** Why, in terms a caller maps to an answer. */
    public enum Reason {
        /** The order's system takes no status from here (Shopify, CoopCycle) or its connection was removed. */
        NOT_SUPPORTED,
        /** Another change of the same order is talking to the shop right now. */
        IN_PROGRESS,
        /** The shop refused the status (no write permission, a transition it forbids) or could not be reached. */
        SHOP_REFUSED
    }

    private final Reason reason;
    private final StatusWrite write;

    public StatusChangeRefusedException(Reason reason, String message, StatusWrite write) {
        super(requireNonNull(message, "message is null"));
        this.reason = requireNonNull(reason, "reason is null");
        this.write = write;
    }

    public Reason reason() {
        return reason;
    }

    /** The recorded attempt, when the shop was asked; null otherwise. */
    public StatusWrite write() {
        return write;
    }
}
