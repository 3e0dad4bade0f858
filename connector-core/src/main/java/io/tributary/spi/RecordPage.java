package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of records, and the cursor to resume from once the page is stored. The sync engine stores the
 * records and moves the cursor in one transaction, so a crash after a page never loses or skips records.
 *
 * @param cursorAfter a cursor that is safe to resume from after this page: every record at or before it has
 *                    been delivered, in this page or an earlier one
 */
public record RecordPage(List<SourceRecord> records, SyncCursor cursorAfter) {
    public RecordPage {
        records = List.copyOf(requireNonNull(records, "records is null"));
        requireNonNull(cursorAfter, "cursorAfter is null");
    }
}
