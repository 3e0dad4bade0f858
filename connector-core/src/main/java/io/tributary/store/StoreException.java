package io.tributary.store;

/** A read or write of the central store failed; the message says what was being done and why it failed. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
