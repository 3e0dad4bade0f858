package io.tributary.run;

/**
 * This process no longer holds the lease of the sync it is running (it expired and another process took it
 * over): nothing more may be written for that sync.
 */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String message) {
        super(message);
    }
}
