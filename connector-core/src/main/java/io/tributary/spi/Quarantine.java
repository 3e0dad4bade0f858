package io.tributary.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Maps a page's records one by one and keeps aside those that cannot be read, so one malformed record does not
 * stop the rest of its page. A mapper refuses a record by throwing {@link IllegalArgumentException} with one
 * sentence; anything else (a page that is not JSON, a failed request) still fails the read. Not thread-safe: one
 * per stream, {@link #drain() drained} into each page.
 */
public final class Quarantine {
    private final List<RejectedRecord> rejected = new ArrayList<>();

    /**
     * Adds what {@code mapping} makes of a record to {@code into}, or keeps the record aside when the mapper
     * refuses it.
     *
     * @param externalId the record's id as far as it can be read, for the reject; null when it cannot
     * @param payload    what the system sent for the record, asked for only when it is kept aside
     * @return whether the record was mapped
     */
    public <R extends SourceRecord> boolean map(List<? super R> into, Supplier<R> mapping, Supplier<String> externalId,
            Supplier<String> payload) {
        try {
            into.add(mapping.get());
            return true;
        } catch (IllegalArgumentException refused) {
            String id;
            try {
                id = externalId.get();
            } catch (RuntimeException unreadable) {
                id = null;
            }
            String reason = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
            rejected.add(new RejectedRecord(id, reason, payload.get()));
            return false;
        }
    }

    /** The records kept aside since the last call, which it forgets. */
    public List<RejectedRecord> drain() {
        List<RejectedRecord> drained = List.copyOf(rejected);
        rejected.clear();
        return drained;
    }
}
