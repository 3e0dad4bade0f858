package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Actions to run once after the n-th request on a path prefix has been handled. The action runs
 * on the connection thread after the handler built the answer and before the answer is written,
 * so a client that waits for each answer sees the action's effect on its very next request.
 * Requests answered by a status or reset fault do not count: they never reached the handler.
 */
final class RequestHooks {

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    private static final class Hook {
        final String pathPrefix;
        final int n;
        final Runnable action;
        final AtomicInteger seen = new AtomicInteger();

        Hook(String pathPrefix, int n, Runnable action) {
            this.pathPrefix = pathPrefix;
            this.n = n;
            this.action = action;
        }
    }

    void add(String pathPrefix, int n, Runnable action) {
        requireNonNull(pathPrefix, "pathPrefix is null");
        requireNonNull(action, "action is null");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        hooks.add(new Hook(pathPrefix, n, action));
    }

    /** Counts a handled request and returns the actions that became due with it. */
    List<Runnable> due(String rawPath) {
        List<Runnable> due = new ArrayList<>();
        for (Hook hook : hooks) {
            if (rawPath.startsWith(hook.pathPrefix) && hook.seen.incrementAndGet() == hook.n) {
                due.add(hook.action);
                hooks.remove(hook);
            }
        }
        return due;
    }

    int pending() {
        return hooks.size();
    }
}
