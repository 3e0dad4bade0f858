package io.tributary.spi;

import java.time.Instant;

/** One record read from an external system, mapped to the central model and carrying its source JSON. */
public sealed interface SourceRecord permits ProductRecord, OrderRecord, CustomerRecord {
    /** The system's own id for the record, unique per connection and entity. */
    String externalId();

    /**
     * When the source last modified the record (UTC), or null when the system does not say: the host then stores
     * the time of the sync that stored the record's current content (kept while the record comes back unchanged).
     */
    Instant modifiedAt();

    /** The record as the source sent it, re-serialized as compact JSON. */
    String rawJson();
}
