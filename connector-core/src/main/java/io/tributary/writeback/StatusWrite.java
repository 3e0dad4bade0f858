package io.tributary.writeback;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One attempt to write an order's status back to the shop that owns it, as recorded.
 *
 * @param httpStatus the status of the shop's answer; null when none came (unreachable) or before it came
 * @param answer     a short one-line quote of the shop's answer, or the sentence saying why it did not take the
 *                   status; never a credential
 */
public record StatusWrite(long id, long connectionId, String externalId, String fromStatus, String toStatus,
        String requestedBy, Instant requestedAt, Instant finishedAt, Outcome outcome, Integer httpStatus,
        String answer) {

    public StatusWrite {
        requireNonNull(externalId, "externalId is null");
        requireNonNull(toStatus, "toStatus is null");
        requireNonNull(outcome, "outcome is null");
    }

    /** Where an attempt stands. */
    public enum Outcome {
        /** The shop is being asked (or the process asking it stopped; closed UNKNOWN by the next attempt). */
        PENDING,
        /** The shop took the status; the central order has it too. */
        WRITTEN,
        /** The shop answered that it does not take the status; the central order kept its own. */
        REFUSED,
        /** No answer came (unreachable, timed out, cut off): the shop may or may not have it; the next sync shows. */
        FAILED,
        /** Left PENDING by a process that stopped while asking; what the shop did is not known. */
        UNKNOWN
    }
}
