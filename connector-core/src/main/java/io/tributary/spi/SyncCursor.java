package io.tributary.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * Where a stream of records stands: the highest source modification time seen, with the record id as the
 * tie-break among records modified in the same instant. {@link #START} reads everything.
 *
 * @param modifiedAt the source's modification time of the last record covered, or null at the start
 * @param lastId     the external id of that record, or null
 */
public record SyncCursor(Instant modifiedAt, String lastId) implements Comparable<SyncCursor> {
    public static final SyncCursor START = new SyncCursor(null, null);

    private static final Comparator<String> IDS = SyncCursor::compareIds;
    private static final Comparator<SyncCursor> ORDER = Comparator
            .comparing(SyncCursor::modifiedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SyncCursor::lastId, Comparator.nullsFirst(IDS));

    public SyncCursor {
        if (modifiedAt == null && lastId != null) {
            throw new IllegalArgumentException("a cursor with an id needs a modification time");
        }
    }

    public static SyncCursor of(Instant modifiedAt, String lastId) {
        return new SyncCursor(modifiedAt, lastId);
    }

    public boolean isStart() {
        return modifiedAt == null;
    }

    /**
     * The point to read from when resuming with an overlap: records modified within {@code lookback} before
     * this cursor are read again (and counted unchanged), which covers changes the source committed late.
     */
    public SyncCursor minus(Duration lookback) {
        return isStart() ? START : new SyncCursor(modifiedAt.minus(lookback), null);
    }

    /** Whether a record with this modification time and id lies strictly after the cursor. */
    public boolean isBefore(Instant recordModifiedAt, String recordId) {
        return compareTo(new SyncCursor(recordModifiedAt, recordId)) < 0;
    }

    public SyncCursor max(SyncCursor other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(SyncCursor other) {
        return ORDER.compare(this, other);
    }

    /** Compares numerically when both ids are numbers (as most shops' ids are), as text otherwise. */
    public static int compareIds(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String id) {
        if (id.isEmpty() || id.length() > 18 || (id.length() > 1 && id.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return isStart() ? "start" : modifiedAt + (lastId == null ? "" : " #" + lastId);
    }
}
