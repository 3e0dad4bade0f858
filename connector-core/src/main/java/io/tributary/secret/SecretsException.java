package io.tributary.secret;

/** The master key is missing, malformed or not the one the stored secrets were encrypted with. */
public class SecretsException extends RuntimeException {
    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
