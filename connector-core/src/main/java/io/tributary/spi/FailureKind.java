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
}
