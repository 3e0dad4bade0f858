package io.tributary.store;

/** An id that names nothing in the store. The CLI exits with 2 (bad input). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
