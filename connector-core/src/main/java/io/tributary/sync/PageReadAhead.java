package io.tributary.sync;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ReadProgress;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.RejectedRecord;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead of the writer: while the sync's thread stores what it has, a reader thread of its own fetches
 * the next pages, so the shop's answer time and the database's write time overlap instead of adding up (measured: a
 * 10,000-order WooCommerce full sync spent about a fifth of its page loop waiting on the shop).
 *
 * <p>The writer takes what has been read as one write ({@link #nextWrite()}): the oldest page, waited for, and the
 * pages read after it that are already there, up to {@link #GROUP_RECORDS} records. Where the shop is slower than the
 * database, each write is one page, as it comes; where the database is the slower, pages wait here and are stored
 * several to a transaction, which saves a commit and the per-page statements each (measured in BENCHMARKS.md). A
 * write never waits for a page that is not there yet, so nothing read is held back from the database for the shop.
 *
 * <p>The stream is still called by one thread at a time, as its contract asks: every {@code nextPage()} runs on the
 * reader thread, each only after the previous one returned. At most {@link #PAGES_AHEAD} pages beyond the ones being
 * written are held, so memory stays flat. Pages read ahead and never asked for (the engine stopped at a write
 * boundary, a write failed) are dropped: the cursor only moves with pages stored, so the next run reads them again.
 * A failure of the read is thrown to the writer as it was thrown (same exception) once the pages before it are
 * written.
 */
final class PageReadAhead implements AutoCloseable {
    /** The most records one write takes from pages already read (one page is always taken whole). */
    static final int GROUP_RECORDS = 500;
    /** The most pages read and not yet taken by the writer. */
    static final int PAGES_AHEAD = 5;
    /** How long closing waits for a read in flight to notice its interrupt before the stream is closed anyway. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    /** What the reader put down: a page, the end of the read, or the read's failure (unchecked, as thrown). */
    private record Read(RecordPage page, Throwable failure) {
        static final Read END = new Read(null, null);

        boolean isPage() {
            return page != null;
        }
    }

    private final RecordStream stream;
    private final int groupRecords;
    private final BlockingQueue<Read> ready;
    private final Thread reader;
    private volatile boolean closing;
    private Read last; // the end or a failure, once the writer has met it

    PageReadAhead(RecordStream stream, String threadName) {
        this(stream, threadName, GROUP_RECORDS);
    }

    /**
     * As the engine's, with another group size ({@code 1}: each page is written on its own; checked by
     * {@link SyncEngine.Builder#writeGroupRecords}).
     */
    PageReadAhead(RecordStream stream, String threadName, int groupRecords) {
        this.stream = requireNonNull(stream, "stream is null");
        this.groupRecords = groupRecords;
        this.ready = new ArrayBlockingQueue<>(PAGES_AHEAD);
        this.reader = new Thread(this::readAll, threadName);
        reader.setDaemon(true); // a read in flight never keeps a stopping process alive
        reader.start();
    }

    private void readAll() {
        try {
            while (!closing) {
                Optional<RecordPage> page = stream.nextPage();
                if (page.isEmpty()) {
                    ready.put(Read.END);
                    return;
                }
                ready.put(new Read(page.get(), null));
            }
        } catch (InterruptedException e) {
            // closing: what was not taken is dropped
        } catch (RuntimeException | Error e) {
            putQuietly(new Read(null, e));
        }
    }

    private void putQuietly(Read read) {
        if (closing) {
            return;
        }
        try {
            ready.put(read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many reads (pages, the end, a failure) wait for the writer. */
    int readAhead() {
        return ready.size();
    }

    /** The next page on its own, or empty when the read is complete (tests; the engine writes in groups). */
    Optional<RecordPage> nextPage() {
        if (last != null) {
            return finish(last);
        }
        Read first = take();
        if (!first.isPage()) {
            last = first;
            return finish(first);
        }
        return Optional.of(first.page());
    }

    /**
     * The pages of the next write merged into one (records in the order read, so a record's later copy comes last;
     * the cursor after the last page; the last progress told), or empty when the read is complete: the oldest page,
     * waited for, and those read after it that are already here, up to the group's size in records.
     */
    Optional<RecordPage> nextWrite() {
        Optional<RecordPage> first = nextPage();
        if (first.isEmpty()) {
            return first;
        }
        List<RecordPage> pages = new ArrayList<>();
        pages.add(first.get());
        int records = first.get().records().size();
        for (Read next = ready.peek(); next != null && next.isPage()
                && records + next.page().records().size() <= groupRecords; next = ready.peek()) {
            ready.poll();
            pages.add(next.page());
            records += next.page().records().size();
        }
        return Optional.of(merge(pages));
    }

    private Read take() {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next page.", e);
        }
    }

    private static Optional<RecordPage> finish(Read read) {
        if (read.failure() instanceof RuntimeException failure) {
            throw failure; // the connector's own exception: the engine tells its kinds apart
        }
        if (read.failure() instanceof Error error) {
            throw error;
        }
        return Optional.empty();
    }

    static RecordPage merge(List<RecordPage> pages) {
        if (pages.size() == 1) {
            return pages.get(0);
        }
        List<SourceRecord> records = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        SyncCursor cursor = pages.get(0).cursorAfter();
        Optional<ReadProgress> progress = Optional.empty();
        for (RecordPage page : pages) {
            records.addAll(page.records());
            rejected.addAll(page.rejected());
            cursor = cursor.max(page.cursorAfter()); // as storing the pages one by one would have moved it
            if (page.progress().isPresent()) {
                progress = page.progress();
            }
        }
        return new RecordPage(records, cursor, progress, rejected);
    }

    /**
     * Stops the reader: a read in flight is interrupted (its page would be dropped anyway) and given a moment to
     * end, so that the stream, closed after this by its owner, is not closed under it.
     */
    @Override
    public void close() {
        closing = true;
        reader.interrupt();
        ready.clear(); // a reader waiting for room gets it, sees closing and ends
        try {
            reader.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
