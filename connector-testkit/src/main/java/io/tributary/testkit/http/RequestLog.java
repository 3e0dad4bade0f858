package io.tributary.testkit.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request a fake server received, in arrival order. Thread-safe. Keeps the most recent
 * {@code capacity} requests so a long-running demo does not grow without bound;
 * {@link #totalCount()} still counts them all.
 */
public final class RequestLog {

    private final int capacity;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    long nextSequence() {
        return total.incrementAndGet();
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == capacity) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    /** A snapshot of the kept requests, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The kept requests whose raw path starts with the prefix, oldest first. */
    public synchronized List<RecordedRequest> matching(String pathPrefix) {
        List<RecordedRequest> result = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.rawPath().startsWith(pathPrefix)) {
                result.add(request);
            }
        }
        return List.copyOf(result);
    }

    public synchronized Optional<RecordedRequest> last() {
        return Optional.ofNullable(requests.peekLast());
    }

    /** How many requests are kept now. */
    public synchronized int size() {
        return requests.size();
    }

    /** How many requests arrived since the server started, including forgotten ones. */
    public long totalCount() {
        return total.get();
    }

    /** Forgets the kept requests; {@link #totalCount()} keeps counting. */
    public synchronized void clear() {
        requests.clear();
    }
}
