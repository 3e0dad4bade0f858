package io.tributary.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.spi.ConnectorException;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Reading ahead: the stream is asked for the next pages while one write is stored, one call at a time, and a write
 * takes the pages already read.
 */
class PageReadAheadTest {
    /** Pages 1..pages, then the end; counts calls and fails when two overlap. */
    private static class CountingStream implements RecordStream {
        final int pages;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlapped;

        CountingStream(int pages) {
            this.pages = pages;
        }

        @Override
        public Optional<RecordPage> nextPage() {
            if (inside.incrementAndGet() > 1) {
                overlapped = true;
            }
            try {
                int call = calls.incrementAndGet();
                return call <= pages ? Optional.of(page(call)) : Optional.empty();
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    private static RecordPage page(int unused) {
        return new RecordPage(List.of(), SyncCursor.START);
    }

    /** Page {@code n} of {@code size} products, ids n.1 .. n.size, its cursor at product n.size. */
    private static RecordPage productsPage(int n, int size) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            records.add(new ProductRecord(n + "." + i, null, "sku", "P", "simple", "publish", BigDecimal.ONE,
                    "EUR", 1, T0, T0.plusSeconds(n), "{}"));
        }
        return new RecordPage(records, SyncCursor.of(T0.plusSeconds(n), n + "." + size),
                Optional.of(new ReadProgress(n * (long) size, 1000)));
    }

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    /** A stream answering its n-th call (from 1) with {@code call.apply(n)}. */
    private static RecordStream numbered(IntFunction<Optional<RecordPage>> call) {
        AtomicInteger calls = new AtomicInteger();
        return () -> call.apply(calls.incrementAndGet());
    }

    @Test
    void theNextPagesAreReadWhileTheWriterHoldsThisOne() {
        CountingStream stream = new CountingStream(3);
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read")) {
            assertThat(pages.nextPage()).isPresent();
            // the writer has page 1 and has not asked again: pages 2 and 3 and the end are read meanwhile
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.calls.get() == 4);
            assertThat(pages.nextPage()).isPresent();
            assertThat(pages.nextPage()).isPresent();
            assertThat(pages.nextPage()).isEmpty();
            assertThat(pages.nextPage()).as("asked again after the end: nothing more is read").isEmpty();
        }
        assertThat(stream.calls).as("3 pages and the call that found the end").hasValue(4);
        assertThat(stream.overlapped).isFalse();
    }

    @Test
    void aWriteTakesThePagesAlreadyReadUpToTheGroupSizeMergedInReadOrder() {
        RecordStream stream = numbered(n -> n <= 7 ? Optional.of(productsPage(n, 100)) : Optional.empty());
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read", 300)) {
            // the reader fills its room (5 pages) while nobody writes
            await().atMost(Duration.ofSeconds(5)).until(() -> pages.readAhead() == PageReadAhead.PAGES_AHEAD);

            RecordPage first = pages.nextWrite().orElseThrow();
            assertThat(first.records()).extracting(SourceRecord::externalId)
                    .as("pages 1-3: 300 records, in the order read").startsWith("1.1", "1.2").endsWith("3.99", "3.100")
                    .hasSize(300);
            assertThat(first.cursorAfter()).isEqualTo(SyncCursor.of(T0.plusSeconds(3), "3.100"));
            assertThat(first.progress()).contains(new ReadProgress(300, 1000));

            await().atMost(Duration.ofSeconds(5)).until(() -> pages.readAhead() == 5); // pages 4-7 and the end
            assertThat(pages.nextWrite().orElseThrow().cursorAfter()).isEqualTo(SyncCursor.of(T0.plusSeconds(6), "6.100"));
            assertThat(pages.nextWrite().orElseThrow().records()).hasSize(100);
            assertThat(pages.nextWrite()).isEmpty();
        }
    }

    @Test
    void aWriteNeverWaitsForAPageNotReadYet() throws InterruptedException {
        CountDownLatch third = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordStream stream = numbered(n -> {
            if (n == 3) {
                third.countDown();
                try {
                    release.await(); // a slow shop
                } catch (InterruptedException e) {
                    throw new ConnectorException(FailureKind.TIMEOUT, "interrupted");
                }
            }
            return n <= 3 ? Optional.of(productsPage(n, 10)) : Optional.empty();
        });
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read")) {
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> pages.readAhead() == 2);

            assertThat(pages.nextWrite().orElseThrow().records()).as("pages 1 and 2, without waiting for page 3")
                    .hasSize(20);

            release.countDown();
            assertThat(pages.nextWrite().orElseThrow().cursorAfter()).isEqualTo(SyncCursor.of(T0.plusSeconds(3), "3.10"));
            assertThat(pages.nextWrite()).isEmpty();
        }
    }

    @Test
    void aFailedReadComesAfterThePagesReadBeforeIt() {
        ConnectorException failure = new ConnectorException(FailureKind.UNREACHABLE, "The shop went away at page 3.");
        RecordStream stream = numbered(n -> {
            if (n == 3) {
                throw failure;
            }
            return Optional.of(productsPage(n, 10));
        });
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> pages.readAhead() == 3);
            assertThat(pages.nextWrite().orElseThrow().records()).as("the two pages read before the failure")
                    .hasSize(20);
            assertThatThrownBy(pages::nextWrite).isSameAs(failure);
            assertThatThrownBy(pages::nextWrite).as("asked again: the same failure").isSameAs(failure);
        }
    }

    @Test
    void aFailedReadIsThrownAsItWasWhenItsPageIsAskedFor() {
        ConnectorException failure = new ConnectorException(FailureKind.UNREACHABLE, "The shop went away at page 2.");
        CountingStream stream = new CountingStream(5) {
            @Override
            public Optional<RecordPage> nextPage() {
                if (calls.get() == 1) {
                    calls.incrementAndGet();
                    throw failure;
                }
                return super.nextPage();
            }
        };
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read")) {
            assertThat(pages.nextPage()).isPresent();
            assertThatThrownBy(pages::nextPage).isSameAs(failure);
        }
    }

    @Test
    void closingInterruptsAReadInFlightAndWaitsForIt() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        RecordStream blocking = () -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(); // a shop that never answers
                return Optional.empty();
            } catch (InterruptedException e) {
                throw new ConnectorException(FailureKind.TIMEOUT, "interrupted");
            } finally {
                ended.countDown();
            }
        };
        PageReadAhead pages = new PageReadAhead(blocking, "test-read");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        pages.close();

        assertThat(ended.getCount()).as("the read ended before close returned").isZero();
    }
}
