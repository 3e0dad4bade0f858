package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/**
 * One credential a connector needs, declared as data so hosts can ask for it, validate it and mask it.
 *
 * @param name        the key used on the command line ({@code access-token}, {@code secret}, or a
 *                    connector-specific key passed as {@code --credential name=value})
 * @param label       what a form shows next to the field
 * @param secret      whether the value is encrypted at rest and masked everywhere
 * @param required    whether a connection is invalid without it
 * @param description one sentence on what the system calls this value and where to find it
 */
public record CredentialField(String name, String label, boolean secret, boolean required, String description) {
    public static final String ACCESS_TOKEN = "access-token";
    public static final String SECRET = "secret";

    public CredentialField {
        requireNonNull(name, "name is null");
        requireNonNull(label, "label is null");
        requireNonNull(description, "description is null");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("credential field name must be lower-case kebab: " + name);
        }
    }
}
