package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential value that must not leak. {@link #toString()} never shows it; only {@link #reveal()} does, and
 * only code that puts it on the wire (an auth interceptor, a signer) or into the cipher should call that.
 */
public final class Secret {
    private static final String MASK = "****";
    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The clear value, for the code that must send or encrypt it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public int length() {
        return value.length();
    }

    /** Whether {@code text} contains this secret; used by checks that output or logs carry no secret. */
    public boolean occursIn(CharSequence text) {
        return !value.isEmpty() && text != null && text.toString().contains(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** The mask shown wherever a secret would appear. */
    public static String mask() {
        return MASK;
    }
}
