package io.tributary.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the heap still in use after each garbage collection (the live set, not the garbage between
 * collections) while a phase runs, and keeps the peak.
 */
final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, liveHeap());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    /** Bytes in use after the last collection of each heap pool, summed. */
    static long liveHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                used += afterGc == null ? pool.getUsage().getUsed() : afterGc.getUsed();
            }
        }
        return used;
    }

    /** Collects garbage and returns the live heap. */
    static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return liveHeap();
    }

    long peak() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
