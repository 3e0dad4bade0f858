package io.tributary.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading one page ahead: the stream is asked for page n + 1 while page n is stored, one call at a time. */
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

    @Test
    void theNextPageIsReadWhileTheWriterHoldsThisOne() {
        CountingStream stream = new CountingStream(3);
        try (PageReadAhead pages = new PageReadAhead(stream, "test-read")) {
            assertThat(pages.nextPage()).isPresent();
            // the writer has page 1 and has not asked again: page 2 is read meanwhile
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.calls.get() == 2);
            assertThat(pages.nextPage()).isPresent();
            assertThat(pages.nextPage()).isPresent();
            assertThat(pages.nextPage()).isEmpty();
            assertThat(pages.nextPage()).as("asked again after the end: nothing more is read").isEmpty();
        }
        assertThat(stream.calls).as("3 pages and the call that found the end").hasValue(4);
        assertThat(stream.overlapped).isFalse();
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
