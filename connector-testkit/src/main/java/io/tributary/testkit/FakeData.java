package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import io.tributary.time.MutableClock;
import java.time.Duration;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The data a fake system holds, behind one read/write lock because its server answers on several threads: readers
 * see a consistent snapshot, edits are exclusive. Edits take their modification time from the system's clock.
 */
public abstract class FakeData {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final MutableClock clock;
    private final Duration editTick;
    private long lastStamp;
    private long version;

    /** @param editTick how far the clock moves after each stamped edit; zero: edits share the second */
    protected FakeData(MutableClock clock, Duration editTick) {
        this.clock = requireNonNull(clock, "clock is null");
        this.editTick = requireNonNull(editTick, "editTick is null");
    }

    public final MutableClock clock() {
        return clock;
    }

    public final <R> R read(Supplier<R> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public final <R> R write(Supplier<R> writer) {
        lock.writeLock().lock();
        try {
            version++;
            return writer.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public final void run(Runnable writer) {
        write(() -> {
            writer.run();
            return null;
        });
    }

    /**
     * A number every write changes: what a cached query result is valid for (a fake's search keeps its results
     * per version, so a sync that pages while the data is edited sees the shifted pages a database would give).
     * Read under the lock.
     */
    public final long version() {
        return version;
    }

    /**
     * The modification time of an edit saved now, in whole seconds as a MySQL DATETIME or TIMESTAMP keeps it: the
     * clock's now, never before the previous edit. Moves the clock on by the edit tick. Call under the write lock.
     */
    public final long stamp() {
        long stamp = Math.max(clock.instant().getEpochSecond(), lastStamp);
        lastStamp = stamp;
        if (!editTick.isZero()) {
            clock.advance(editTick);
        }
        return stamp;
    }
}
