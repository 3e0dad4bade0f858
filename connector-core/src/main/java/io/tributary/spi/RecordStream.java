package io.tributary.spi;

import java.util.List;
import java.util.Optional;

/**
 * A lazy stream of pages from one read. Pages are fetched on demand, so at most two (one stored, the next read) are
 * in memory at a time.
 * Not thread-safe: the sync engine calls it from one thread at a time, never concurrently; that thread may not be
 * the one that opened the stream (the engine reads the next page on a thread of its own while it stores one).
 */
public interface RecordStream extends AutoCloseable {
    /**
     * Fetches the next page, or empty when the read is complete.
     *
     * @throws ConnectorException    when the system cannot be read; retriable failures have already been
     *                               retried by the shared HTTP stack when this is thrown
     * @throws ReadNotReadyException only before the first page of the read: what the read needs is being prepared
     *                               by the system; the host closes the run as waiting and reads again later
     */
    Optional<RecordPage> nextPage();

    /**
     * Sentences the run should carry for whoever reads it, beyond counts and errors: a fallback the read took
     * ("Shopify refused to start a bulk export of products; read page by page instead"), a mode it chose. Asked
     * once the read has ended, well or not.
     */
    default List<String> notices() {
        return List.of();
    }

    @Override
    default void close() {}
}
