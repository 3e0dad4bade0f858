package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/**
 * A connector could not do what it was asked. The message is one readable sentence that never contains a
 * secret; {@link #kind()} says why, in the terms of {@link FailureKind}. Failures that may go away by
 * themselves are {@link RetriableConnectorException}s; everything else is final for this attempt.
 */
public class ConnectorException extends RuntimeException {
    private final FailureKind kind;
    private final Integer httpStatus;

    public ConnectorException(FailureKind kind, String message, Integer httpStatus, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.httpStatus = httpStatus;
    }

    public ConnectorException(FailureKind kind, String message) {
        this(kind, message, null, null);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status behind the failure, or null. */
    public Integer httpStatus() {
        return httpStatus;
    }

    public boolean retriable() {
        return false;
    }
}
