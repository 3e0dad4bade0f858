package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream one page ahead on a thread of its own, so the next page is fetched while the engine stores the one
 * before it. Pages come out in the stream's order; a failure of the stream comes out where it happened, after the
 * pages before it (which the engine stores and commits first). At most one page waits beyond the one being stored:
 * the reader hands each page over directly and only then reads the next.
 *
 * <p>{@link #next()} is called by one thread, the engine's; {@link RecordStream#nextPage()} only ever by the reader,
 * one call at a time. {@link #close()} stops the reader after its page in flight (without waiting longer than
 * {@link #STOP_WAIT}), so the stream can be closed after it.
 */
final class ReadAhead implements AutoCloseable {
    static final long STOP_WAIT_SECONDS = 60;
    private static final long STOP_WAIT = TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS);

    /** A page, the end of the stream (an empty page), or how reading failed. */
    private record Item(Optional<RecordPage> page, Throwable failure) {}

    private final SynchronousQueue<Item> handOver = new SynchronousQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    private ReadAhead(RecordStream stream, String name) {
        requireNonNull(stream, "stream is null");
        this.reader = new Thread(() -> read(stream), name);
        reader.setDaemon(true);
    }

    /** Starts reading {@code stream} on a thread called {@code name}. */
    static ReadAhead start(RecordStream stream, String name) {
        ReadAhead readAhead = new ReadAhead(stream, name);
        readAhead.reader.start();
        return readAhead;
    }

    private void read(RecordStream stream) {
        try {
            Optional<RecordPage> page;
            do {
                page = stream.nextPage();
                if (!handOver(new Item(page, null))) {
                    return;
                }
            } while (page.isPresent());
        } catch (RuntimeException | Error e) {
            handOver(new Item(Optional.empty(), e));
        }
    }

    /** Waits until the engine takes the item; false when closed first. */
    private boolean handOver(Item item) {
        try {
            while (!closed) {
                if (handOver.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * The stream's next page, empty at its end.
     *
     * @throws RuntimeException whatever the stream threw reading this page
     */
    Optional<RecordPage> next() {
        Item item;
        try {
            item = handOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next page.", e);
        }
        if (item.failure() instanceof RuntimeException failure) {
            throw failure;
        }
        if (item.failure() instanceof Error error) {
            throw error;
        }
        return item.page();
    }

    /** Stops the reader once its page in flight is read (that page is dropped, never stored). */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
