package io.tributary.spi;

/** A failure that may go away by itself: a 429, a 5xx, a reset connection, a timeout. */
public class RetriableConnectorException extends ConnectorException {
    public RetriableConnectorException(FailureKind kind, String message, Integer httpStatus, Throwable cause) {
        super(kind, message, httpStatus, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
