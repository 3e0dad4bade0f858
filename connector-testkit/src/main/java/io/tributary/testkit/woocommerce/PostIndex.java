package io.tributary.testkit.woocommerce;

import java.util.Arrays;

/**
 * Post ids sorted by (time, id), packed into longs so that paging over 100,000 records needs no
 * sort per request. Insert and remove shift the array, which is cheap at this size.
 */
final class PostIndex {

    /** 2000-01-01T00:00:00Z; times are stored relative to it in 31 bits (until 2068). */
    private static final long BASE = 946_684_800L;
    private static final long SPAN = 1L << 31;

    private long[] keys = new long[64];
    private int size;

    static long key(long seconds, int id) {
        long relative = seconds - BASE;
        if (relative < 0 || relative >= SPAN) {
            throw new IllegalArgumentException("time out of the supported range 2000..2068: " + seconds);
        }
        return (relative << 32) | (id & 0xffff_ffffL);
    }

    void add(long seconds, int id) {
        long key = key(seconds, id);
        int position = Arrays.binarySearch(keys, 0, size, key);
        if (position >= 0) {
            throw new IllegalStateException("already indexed: " + id);
        }
        int insertAt = -position - 1;
        grow();
        System.arraycopy(keys, insertAt, keys, insertAt + 1, size - insertAt);
        keys[insertAt] = key;
        size++;
    }

    /** Appends without keeping order; call {@link #sort()} after a bulk load. */
    void append(long seconds, int id) {
        grow();
        keys[size++] = key(seconds, id);
    }

    void sort() {
        Arrays.sort(keys, 0, size);
    }

    void remove(long seconds, int id) {
        int position = Arrays.binarySearch(keys, 0, size, key(seconds, id));
        if (position < 0) {
            throw new IllegalStateException("not indexed: " + id + " at " + seconds);
        }
        System.arraycopy(keys, position + 1, keys, position, size - position - 1);
        size--;
    }

    /** The first position whose time is at least {@code seconds}; clamped to the supported range. */
    int firstAtOrAfter(long seconds) {
        long relative = seconds - BASE;
        if (relative < 0) {
            return 0;
        }
        if (relative >= SPAN) {
            return size;
        }
        long key = relative << 32;
        int position = Arrays.binarySearch(keys, 0, size, key);
        return position >= 0 ? position : -position - 1;
    }

    int idAt(int position) {
        return (int) keys[position];
    }

    int size() {
        return size;
    }

    private void grow() {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
    }
}
