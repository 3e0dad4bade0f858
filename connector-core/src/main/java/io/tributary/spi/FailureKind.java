package io.tributary.spi;

/** Why a verification or a read failed; {@link #OK} when it did not. The names are part of the CLI contract. */
public enum FailureKind {
    OK,
    UNREACHABLE,
    TLS,
    TIMEOUT,
    BAD_CREDENTIALS,
    FORBIDDEN,
    NOT_THIS_SYSTEM,
    RATE_LIMITED,
    SERVER_ERROR;

    /** Whether a failure of this kind may go away by itself, so retrying later makes sense. */
    public boolean transientByNature() {
        return this == UNREACHABLE || this == TIMEOUT || this == RATE_LIMITED || this == SERVER_ERROR;
    }
}
