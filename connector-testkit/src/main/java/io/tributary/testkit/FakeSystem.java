package io.tributary.testkit;

import io.tributary.testkit.http.FakeHttpServer;
import io.tributary.time.MutableClock;
import io.tributary.testkit.http.FaultInjector;
import io.tributary.testkit.http.RequestLog;

/**
 * What every fake external system shares: the real HTTP server it answers on (with its request log, faults and
 * triggers) and the clock it stamps its changes with. Closing it stops the server.
 */
public interface FakeSystem extends AutoCloseable {
    FakeHttpServer server();

    /** The system's clock: it stands still until a test moves it. */
    MutableClock clock();

    default RequestLog requests() {
        return server().requests();
    }

    default FaultInjector faults() {
        return server().faults();
    }

    /** See {@link FakeHttpServer#afterRequests(String, int, Runnable)}. */
    default void afterRequests(String pathPrefix, int n, Runnable action) {
        server().afterRequests(pathPrefix, n, action);
    }

    @Override
    default void close() {
        server().close();
    }
}
