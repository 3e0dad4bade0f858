package io.tributary.sync;

/** The engine is stopping (the daemon is shutting down): no new sync starts. Nothing is wrong with the request. */
public class EngineStoppingException extends RuntimeException {
    public EngineStoppingException() {
        super("Tributary is stopping; no new sync starts.");
    }
}
