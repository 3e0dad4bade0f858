package io.tributary.daemon.cli;

/** The bounds of {@code --limit}. */
final class Limits {
    static final int MAX = 10_000;

    private Limits() {}

    static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX + ", got " + limit + ".");
        }
        return limit;
    }
}
