package io.tributary.run;

/** What storing records did: how many were read, inserted, updated, or found unchanged and left alone. */
public record PageCounts(long read, long inserted, long updated, long unchanged) {
    public static final PageCounts ZERO = new PageCounts(0, 0, 0, 0);

    public PageCounts {
        if (read < 0 || inserted < 0 || updated < 0 || unchanged < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public PageCounts plus(PageCounts other) {
        return new PageCounts(read + other.read, inserted + other.inserted, updated + other.updated,
                unchanged + other.unchanged);
    }
}
