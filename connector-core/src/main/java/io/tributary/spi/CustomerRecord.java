package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A customer account as the source system keeps it (registered, whether or not it ever ordered). The host links it
 * to a central customer by its e-mail and phone, as it does an order's customer.
 *
 * @param email     the account's e-mail as the system has it; null when none
 * @param phone     the account's (billing) phone as the system has it, in whatever format; null when none
 * @param createdAt when the account was created at the source (UTC); null when the system does not say
 * @param updatedAt when the source last modified the account (UTC); null when the system does not say
 */
public record CustomerRecord(
        String externalId,
        String email,
        String phone,
        String firstName,
        String lastName,
        Instant createdAt,
        Instant updatedAt,
        String rawJson)
        implements SourceRecord {

    public CustomerRecord {
        requireNonNull(externalId, "externalId is null");
        requireNonNull(rawJson, "rawJson is null");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("A customer without an id cannot be stored.");
        }
    }

    @Override
    public Instant modifiedAt() {
        return updatedAt;
    }

    /** First and last name joined by a space; null when both are blank. */
    public String name() {
        String first = firstName == null ? "" : firstName.trim();
        String last = lastName == null ? "" : lastName.trim();
        String joined = (first + " " + last).trim();
        return joined.isEmpty() ? null : joined;
    }
}
