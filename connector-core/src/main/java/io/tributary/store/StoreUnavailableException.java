package io.tributary.store;

/** The central store cannot be reached or opened. The CLI exits with 3. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
