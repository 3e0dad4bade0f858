package io.tributary.spi;

import java.util.Optional;

/**
 * A lazy stream of pages from one read. Pages are fetched on demand, so only one is in memory at a time.
 * Not thread-safe: the sync engine calls it from the one thread that runs the sync.
 */
public interface RecordStream extends AutoCloseable {
    /**
     * Fetches the next page, or empty when the read is complete.
     *
     * @throws ConnectorException when the system cannot be read; retriable failures have already been retried
     *                            by the shared HTTP stack when this is thrown
     */
    Optional<RecordPage> nextPage();

    @Override
    default void close() {}
}
