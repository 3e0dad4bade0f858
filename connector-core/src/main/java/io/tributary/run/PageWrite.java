package io.tributary.run;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.EntityType;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SyncCursor;

/**
 * What storing one page needs: where its records go, the run they count toward, and the cursor and run totals
 * before it. The one owner of the cursor rule: {@link #cursorAfter()}.
 *
 * @param cursorBefore the cursor committed before this page ({@link SyncCursor#START} for a full sync's first)
 * @param totalsBefore the run's counts before this page
 */
public record PageWrite(long connectionId, EntityType entity, long runId, RecordPage page, SyncCursor cursorBefore,
        PageCounts totalsBefore) {
    public PageWrite {
        requireNonNull(entity, "entity is null");
        requireNonNull(page, "page is null");
        requireNonNull(cursorBefore, "cursorBefore is null");
        requireNonNull(totalsBefore, "totalsBefore is null");
    }

    /**
     * The cursor once this page is stored: the page's own, but never behind the one before it. A sync reads from
     * the cursor minus a lookback, so its first pages can end behind what was already committed; the committed
     * cursor still only moves forward.
     */
    public SyncCursor cursorAfter() {
        return cursorBefore.max(page.cursorAfter());
    }
}
