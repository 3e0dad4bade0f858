package io.tributary.testkit.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Faults the next matching requests get instead of their answer, and actions that run after the n-th request of
 * an operation (edits during a sync). A match is a GraphQL operation name, a path prefix, or {@code *}.
 */
public final class ShopifyFaults {
    private record Planned(String match, int[] left, MockResponse response) {}

    private record Hook(String match, int[] left, Runnable action) {}

    private final List<Planned> planned = new ArrayList<>();
    private final List<Hook> hooks = new ArrayList<>();

    /** HTTP 429 with {@code Retry-After} in whole seconds, as Shopify's REST API and proxies answer. */
    public synchronized void tooManyRequests(String match, int times, Duration retryAfter) {
        add(match, times, new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter.toSeconds())
                .addHeader("Content-Type", "application/json").body("{\"errors\":\"Exceeded 2 calls per second for api "
                        + "client. Reduce request rates to resume uninterrupted service.\"}").build());
    }

    /** A 200 answer that is not valid JSON. */
    public synchronized void malformedJson(String match, int times) {
        add(match, times, new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\":{\"orders\":{\"nodes\":[{\"id\":").build());
    }

    /** The connection is dropped before an answer. */
    public synchronized void connectionReset(String match, int times) {
        add(match, times, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
    }

    /** The answer's headers come only after {@code delay}: a shop too slow for the caller's timeout. */
    public synchronized void slow(String match, int times, Duration delay) {
        add(match, times, new MockResponse.Builder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).code(200)
                .addHeader("Content-Type", "application/json").body("{\"data\":null}").build());
    }

    /** Any status with a JSON body, e.g. 402 {"errors":"Unavailable Shop"} or 503. */
    public synchronized void status(String match, int times, int status, String jsonBody) {
        add(match, times, new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(jsonBody).build());
    }

    /** Runs {@code action} once, right after the {@code n}-th request matching {@code match} is answered. */
    public synchronized void afterRequests(String match, int n, Runnable action) {
        hooks.add(new Hook(match, new int[] {n}, action));
    }

    private void add(String match, int times, MockResponse response) {
        planned.add(new Planned(match, new int[] {times}, response));
    }

    synchronized MockResponse next(ShopifyRequest request) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext();) {
            Planned fault = it.next();
            if (matches(fault.match(), request)) {
                if (--fault.left()[0] <= 0) {
                    it.remove();
                }
                return fault.response();
            }
        }
        return null;
    }

    /** Runs the hooks due after this request. */
    void answered(ShopifyRequest request) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Hook> it = hooks.iterator(); it.hasNext();) {
                Hook hook = it.next();
                if (matches(hook.match(), request) && --hook.left()[0] <= 0) {
                    it.remove();
                    due.add(hook.action());
                }
            }
        }
        due.forEach(Runnable::run);
    }

    public synchronized int pendingHooks() {
        return hooks.size();
    }

    private static boolean matches(String match, ShopifyRequest request) {
        return match.equals("*") || match.equals(request.operation()) || request.path().startsWith(match);
    }
}
