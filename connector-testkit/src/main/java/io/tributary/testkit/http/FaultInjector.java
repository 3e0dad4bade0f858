package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fault knobs of a {@link FakeHttpServer}, safe to use from any thread while the server runs.
 * Each armed fault applies to the next {@code times} requests whose raw path starts with its
 * prefix. Latencies add up; of the other faults the one armed first wins, and only it is used up.
 */
public final class FaultInjector {

    private final List<Armed> armed = new ArrayList<>();

    private static final class Armed {
        final Fault fault;
        final String pathPrefix;
        int remaining;

        Armed(Fault fault, String pathPrefix, int remaining) {
            this.fault = fault;
            this.pathPrefix = pathPrefix;
            this.remaining = remaining;
        }
    }

    /** What to do with one request: a delay, then maybe a fault that decides how it ends. */
    record Plan(Duration latency, Fault terminal) {
    }

    /** Applies the fault to the next {@code times} requests, whatever their path. */
    public FaultInjector inject(Fault fault, int times) {
        return inject(fault, times, "/");
    }

    /** Applies the fault to the next {@code times} requests whose raw path starts with the prefix. */
    public synchronized FaultInjector inject(Fault fault, int times, String pathPrefix) {
        requireNonNull(fault, "fault is null");
        requireNonNull(pathPrefix, "pathPrefix is null");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        armed.add(new Armed(fault, pathPrefix, times));
        return this;
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        armed.clear();
    }

    /** How many fault applications are still armed, all faults together. */
    public synchronized int pending() {
        return armed.stream().mapToInt(a -> a.remaining).sum();
    }

    /** Takes, and uses up, the faults that apply to a request on this path. */
    synchronized Plan take(String rawPath) {
        Duration latency = Duration.ZERO;
        Fault terminal = null;
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed a = it.next();
            if (!rawPath.startsWith(a.pathPrefix)) {
                continue;
            }
            if (a.fault.kind() == Fault.Kind.LATENCY) {
                latency = latency.plus(a.fault.latency());
            } else if (terminal == null) {
                terminal = a.fault;
            } else {
                continue;
            }
            if (--a.remaining == 0) {
                it.remove();
            }
        }
        return new Plan(latency, terminal);
    }
}
