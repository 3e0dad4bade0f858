package io.tributary.store;

/** The central database cannot be reached or opened. The CLI exits with 3. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
