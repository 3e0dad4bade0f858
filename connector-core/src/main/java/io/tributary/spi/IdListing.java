package io.tributary.spi;

import java.util.List;
import java.util.Optional;

/**
 * The ids of every record of one entity that exists at the source now, page by page, read as cheaply as the
 * system allows (only the id field). The reconciliation pass marks what it lists and soft-deletes stored records
 * it did not list, so a listing must either end complete (every record that existed from its start to its end
 * was listed at least once) or throw: an id repeated is harmless, an id skipped makes a record look deleted.
 * Ids are exactly the external ids {@link Connector#read} gives its records (a variation's own id included).
 * Not thread-safe; one page in memory at a time.
 */
public interface IdListing extends AutoCloseable {
    /**
     * The next page of ids, or empty when the listing is complete.
     *
     * @throws ConnectorException when the system cannot be listed; retriable failures were already retried
     */
    Optional<List<String>> nextPage();

    @Override
    default void close() {}
}
