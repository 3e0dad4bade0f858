package io.tributary.spi;

import static java.util.Objects.requireNonNull;

/**
 * A record of a page that could not be read (a wrong type, a null where a value is required, an absurd size): kept
 * aside with why and what the system sent, counted in its run, while the rest of the page is stored.
 *
 * @param externalId the record's id at the source, or null when even that could not be read
 * @param reason     one sentence: which field, what it held
 * @param payload    what the system sent for the record (its JSON), cut to {@link #MAX_PAYLOAD} characters
 */
public record RejectedRecord(String externalId, String reason, String payload) {
    /** The most of a payload kept: enough to see what was wrong, bounded whatever the source sends. */
    public static final int MAX_PAYLOAD = 65_536;

    public RejectedRecord {
        requireNonNull(reason, "reason is null");
        payload = payload == null ? "" : payload.length() <= MAX_PAYLOAD ? payload
                : payload.substring(0, MAX_PAYLOAD) + "…[cut at " + MAX_PAYLOAD + " of " + payload.length()
                        + " characters]";
    }
}
