package io.tributary.testkit;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * What the seeders of the fake shops share: the window seeded records are created in (2024-01-01 to 2025-06-30,
 * UTC), where the shop clock starts, one random stream per purpose and seed, and the mass updates that give groups of
 * records one shared modification second, as a bulk edit or an import does.
 */
public final class SeedWindow {
    public static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    public static final long END = Instant.parse("2025-06-30T00:00:00Z").getEpochSecond();
    /** Where the shop clock starts: one hour after the newest seeded time. */
    public static final Instant CLOCK_START = Instant.ofEpochSecond(END + 3600);
    /** The size of the one large group, made when there are at least twice as many records. */
    public static final int LARGE_GROUP = 150;
    public static final long DAY = 86_400;

    private SeedWindow() {
    }

    /** The random stream for one purpose ({@code salt}) of a seed; the same pair always gives the same stream. */
    public static Random random(long seed, long salt) {
        return new Random(seed * 0x9E37_79B9_7F4A_7C15L + salt);
    }

    /**
     * Gives groups of records one shared modification second: one group of 150 a month before the end when there
     * are at least 300 records, and small groups of 2–12 in the last 100 days. A record is only stamped with a time
     * after its creation. Returns the indexes stamped, for a caller that adds groups of its own.
     */
    public static <T> Set<Integer> massUpdates(Random rnd, List<T> records, ToLongFunction<T> createdAt,
            ObjLongConsumer<T> stamp) {
        int count = records.size();
        Set<Integer> grouped = new HashSet<>();
        if (count >= 2 * LARGE_GROUP) {
            group(rnd, records, LARGE_GROUP, END - 30 * DAY + rnd.nextInt((int) DAY), grouped, createdAt, stamp);
        }
        if (count >= 6) {
            for (int g = 0; g < Math.max(1, count / 150); g++) {
                int size = Math.min(2 + rnd.nextInt(11), count / 3);
                group(rnd, records, size, END - DAY - rnd.nextInt((int) (100 * DAY)), grouped, createdAt, stamp);
            }
        }
        return grouped;
    }

    /** Stamps up to {@code size} records not grouped yet, created before {@code when}, with {@code when}. */
    public static <T> void group(Random rnd, List<T> records, int size, long when, Set<Integer> grouped,
            ToLongFunction<T> createdAt, ObjLongConsumer<T> stamp) {
        int placed = 0;
        for (int attempt = 0; attempt < size * 50 && placed < size; attempt++) {
            int index = rnd.nextInt(records.size());
            T record = records.get(index);
            if (createdAt.applyAsLong(record) < when && grouped.add(index)) {
                stamp.accept(record, when);
                placed++;
            }
        }
    }
}
