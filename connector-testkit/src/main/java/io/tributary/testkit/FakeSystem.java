package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.http.FakeHandler;
import io.tributary.testkit.http.FakeHttpServer;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.FaultInjector;
import io.tributary.testkit.http.RequestLog;
import io.tributary.time.MutableClock;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.tls.HeldCertificate;

/**
 * What every fake external system shares: the real HTTP server it answers on (with its request log, faults and
 * hooks) and the clock it stamps its changes with. Closing it stops the server.
 */
public abstract class FakeSystem implements AutoCloseable {
    private final MutableClock clock;
    private final AtomicReference<FakeHandler> api = new AtomicReference<>();
    private final FakeHttpServer server;

    /** Starts the server at once: a system's data often needs its own address (links, OAuth's base string). */
    protected FakeSystem(MutableClock clock) {
        this(clock, null);
    }

    /** As {@link #FakeSystem(MutableClock)}, over HTTPS with a certificate issued by {@code tlsAuthority} if given. */
    protected FakeSystem(MutableClock clock, HeldCertificate tlsAuthority) {
        this.clock = requireNonNull(clock, "clock is null");
        FakeHandler front = request -> {
            FakeHandler handler = api.get();
            return handler == null ? FakeResponse.json(503, "{\"message\":\"the fake is starting\"}")
                    : handler.handle(request);
        };
        this.server = tlsAuthority == null ? FakeHttpServer.start(front)
                : FakeHttpServer.startWithCertificateIssuedBy(tlsAuthority, front);
    }

    /** Hands requests to the system's API from now on; until then the server answers 503. */
    protected final void serve(FakeHandler handler) {
        api.set(requireNonNull(handler, "handler is null"));
    }

    /** The system's address, {@code http://127.0.0.1:PORT/} ({@code https} when it serves TLS). */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public FakeHttpServer server() {
        return server;
    }

    /** The system's clock: it stands still until a test moves it. */
    public MutableClock clock() {
        return clock;
    }

    public RequestLog requests() {
        return server.requests();
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** See {@link FakeHttpServer#afterRequests(String, int, Runnable)}. */
    public void afterRequests(String pathPrefix, int n, Runnable action) {
        server.afterRequests(pathPrefix, n, action);
    }

    @Override
    public void close() {
        server.close();
    }
}
