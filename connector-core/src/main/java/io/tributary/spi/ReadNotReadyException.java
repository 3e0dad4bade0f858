package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The system is preparing what the read asked for and it is not ready yet — Shopify building a bulk export, say —
 * and the run should hand its thread back rather than wait: ask again after {@link #retryAfter()}. Not a failure:
 * the host closes the run as waiting (nothing stored, the connection not counted as failing) and reads again later,
 * through {@link Connector#continueRead} so the connector can pick up what it started instead of starting it again.
 *
 * <p>Thrown only by {@link RecordStream#nextPage()} before the stream has returned any page (or by
 * {@link Connector#read}): a read that has handed pages over must finish, fail or stop as any other, because the host
 * stores those pages and their cursor and cannot take them back. The reason is one sentence for whoever reads the
 * run ("Shopify's bulk export of orders is still running (1,200 objects so far)") and never holds a secret.
 */
public class ReadNotReadyException extends RuntimeException {
    /** The longest {@link #resumeWith()} the host keeps. */
    public static final int RESUME_WITH_MAX = 500;

    private final Duration retryAfter;
    private final String resumeWith;

    /**
     * @param resumeWith what the connector wants handed back to {@link Connector#continueRead} (the id of what it
     *                   asked the system to prepare, and whatever else it needs to take it up), in its own format; at
     *                   most {@value #RESUME_WITH_MAX} characters, never a secret; null when a later read starts anew
     */
    public ReadNotReadyException(Duration retryAfter, String reason, String resumeWith) {
        super(requireNonNull(reason, "reason is null"));
        if (resumeWith != null && resumeWith.length() > RESUME_WITH_MAX) {
            throw new IllegalArgumentException("resumeWith is longer than " + RESUME_WITH_MAX + " characters");
        }
        this.resumeWith = resumeWith;
        requireNonNull(retryAfter, "retryAfter is null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter cannot be negative, got " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** How long after now the host should read again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** What the connector wants handed back when the read continues, or null. */
    public String resumeWith() {
        return resumeWith;
    }

    /** What the read waits for, one sentence. */
    public String reason() {
        return getMessage();
    }
}
