package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of records, and the cursor to resume from once the page is stored. The sync engine stores the
 * records and moves the cursor in one transaction, so a crash after a page never loses or skips records.
 *
 * @param cursorAfter a cursor that is safe to resume from after this page: every record at or before it has
 *                    been delivered, in this page or an earlier one
 * @param progress    how far the read has come with this page, when the system says how many items the read
 *                    covers (for showing progress only); empty when it does not
 * @param rejected    records of this page that could not be read ({@link Quarantine}): stored aside with the
 *                    page, in its transaction; the cursor moves past them as past the others
 */
public record RecordPage(List<SourceRecord> records, SyncCursor cursorAfter, Optional<ReadProgress> progress,
        List<RejectedRecord> rejected) {
    public RecordPage {
        records = List.copyOf(requireNonNull(records, "records is null"));
        requireNonNull(cursorAfter, "cursorAfter is null");
        requireNonNull(progress, "progress is null");
        rejected = List.copyOf(requireNonNull(rejected, "rejected is null"));
    }

    /** A page without rejects. */
    public RecordPage(List<SourceRecord> records, SyncCursor cursorAfter, Optional<ReadProgress> progress) {
        this(records, cursorAfter, progress, List.of());
    }

    /** A page of a read whose size the system does not tell. */
    public RecordPage(List<SourceRecord> records, SyncCursor cursorAfter) {
        this(records, cursorAfter, Optional.empty());
    }

    /** This page, saying how far the read has come with it. */
    public RecordPage withProgress(ReadProgress readProgress) {
        return new RecordPage(records, cursorAfter, Optional.of(readProgress), rejected);
    }

    /** This page, with these records kept aside as unreadable. */
    public RecordPage withRejected(List<RejectedRecord> records) {
        return new RecordPage(this.records, cursorAfter, progress, records);
    }
}
