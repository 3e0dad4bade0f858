package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on a real socket for fakes of remote shops. It listens on 127.0.0.1 on
 * a free port, keeps connections alive, reads request bodies (Content-Length or chunked), answers
 * with Content-Length, records every request, and can be told to misbehave through
 * {@link #faults()}. Written over {@link ServerSocket} because a connection reset or a body cut
 * short needs control of the socket itself.
 */
public final class FakeHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpServer.class);

    private final FakeHandler handler;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final RequestLog log;
    private final FaultInjector faults = new FaultInjector();
    private final RequestHooks hooks = new RequestHooks();
    private final int idleTimeoutMillis;
    private final int port;
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private volatile boolean closed;

    private FakeHttpServer(Builder builder) throws IOException {
        this.handler = requireNonNull(builder.handler, "handler is null");
        this.log = new RequestLog(builder.logCapacity);
        this.idleTimeoutMillis = (int) builder.idleTimeout.toMillis();
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.port = serverSocket.getLocalPort();
        AtomicInteger threadNumber = new AtomicInteger();
        String name = builder.name;
        this.connections = new ThreadPoolExecutor(0, builder.maxConnections, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-conn-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, name + "-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server with default settings. */
    public static FakeHttpServer start(FakeHandler handler) {
        return builder().handler(handler).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link FakeHttpServer}. */
    public static final class Builder {
        private FakeHandler handler;
        private String name = "fake-http";
        private int maxConnections = 32;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int logCapacity = 50_000;

        private Builder() {
        }

        public Builder handler(FakeHandler value) {
            this.handler = requireNonNull(value, "handler is null");
            return this;
        }

        /** Prefix of the server's thread names. */
        public Builder name(String value) {
            this.name = requireNonNull(value, "name is null");
            return this;
        }

        /** Connections served at once; one more is answered 503 and closed. */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /** How long an idle keep-alive connection stays open. */
        public Builder idleTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + value);
            }
            this.idleTimeout = value;
            return this;
        }

        /** How many recent requests the log keeps. */
        public Builder logCapacity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("logCapacity must be at least 1: " + value);
            }
            this.logCapacity = value;
            return this;
        }

        public FakeHttpServer start() {
            try {
                return new FakeHttpServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake HTTP server", e);
            }
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public RequestLog requests() {
        return log;
    }

    public FaultInjector faults() {
        return faults;
    }

    /**
     * Runs the action once, after the handler answered the n-th request whose raw path starts
     * with the prefix and before that answer is written (see {@link RequestHooks}).
     */
    public void afterRequests(String pathPrefix, int n, Runnable action) {
        hooks.add(pathPrefix, n, action);
    }

    /** How many TCP connections were accepted so far; shows whether clients reuse connections. */
    public int acceptedConnections() {
        return acceptedConnections.get();
    }

    /** Hooks not yet run. */
    public int pendingHooks() {
        return hooks.pending();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed on port {}", port(), e);
                }
                return;
            }
            openSockets.add(socket);
            acceptedConnections.incrementAndGet();
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    private void refuse(Socket socket) {
        try (socket) {
            HttpWire.write(socket.getOutputStream(), Fault.status(503).statusResponse(), false, false);
        } catch (IOException ignored) {
            // The client went away first; nothing to tell it.
        } finally {
            openSockets.remove(socket);
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(idleTimeoutMillis);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean open = true;
            while (open && !closed) {
                open = serveOne(socket, in, out);
            }
        } catch (SocketTimeoutException | SocketException e) {
            LOG.trace("connection ended: {}", e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
        }
    }

    /** Serves one request; false when the connection must close. */
    private boolean serveOne(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException {
        HttpWire.Parsed parsed;
        try {
            parsed = HttpWire.read(in, out);
        } catch (HttpWire.MalformedRequestException e) {
            HttpWire.write(out, FakeResponse.text(e.status, "text/plain; charset=UTF-8", e.getMessage()), false, false);
            return false;
        }
        if (parsed == null) {
            return false;
        }
        RecordedRequest request = new RecordedRequest(log.nextSequence(), Instant.now(), parsed.method(),
                parsed.target(), parsed.version(), parsed.headers(), parsed.body());
        log.record(request);
        boolean keepAlive = request.keepAlive();
        boolean head = "HEAD".equalsIgnoreCase(request.method());

        FaultInjector.Plan plan = faults.take(request.rawPath());
        if (!plan.latency().isZero()) {
            Thread.sleep(plan.latency().toMillis());
        }
        Fault fault = plan.terminal();
        if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            HttpWire.write(out, fault.statusResponse(), keepAlive, head);
            return keepAlive;
        }
        if (fault != null && fault.kind() == Fault.Kind.CONNECTION_RESET) {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        }
        FakeResponse response = handle(request);
        if (fault != null && fault.kind() == Fault.Kind.MALFORMED_JSON) {
            response = malformed(response);
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_MID_BODY) {
            HttpWire.writeTruncated(out, response);
            socket.close();
            return false;
        }
        HttpWire.write(out, response, keepAlive, head);
        return keepAlive;
    }

    private FakeResponse handle(RecordedRequest request) {
        FakeResponse response;
        try {
            response = requireNonNull(handler.handle(request), "the handler answered null");
        } catch (RuntimeException e) {
            LOG.error("fake handler failed on {}", request, e);
            return errorResponse("fake_handler_failed", e);
        }
        for (Runnable action : hooks.due(request.rawPath())) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("request hook failed after {}", request, e);
                return errorResponse("fake_hook_failed", e);
            }
        }
        return response;
    }

    private static FakeResponse errorResponse(String code, RuntimeException e) {
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"");
        return FakeResponse.json(500, "{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"data\":{\"status\":500}}");
    }

    /** A 200 JSON answer whose body stops halfway, so no parser accepts it. */
    private static FakeResponse malformed(FakeResponse response) {
        byte[] body = response.body();
        byte[] cut;
        if (body.length >= 4 && (body[0] == '[' || body[0] == '{')) {
            cut = Arrays.copyOf(body, body.length / 2);
        } else {
            cut = "[{\"id\":1,\"name\":\"trunc".getBytes(StandardCharsets.UTF_8);
        }
        return FakeResponse.json(200, cut);
    }

    private void closeQuietly(Socket socket) {
        openSockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
    }

    /** Stops accepting, closes every open connection and stops the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket socket : List.copyOf(openSockets)) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
        try {
            acceptor.join(2_000);
            if (!connections.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("connection threads of port {} did not stop in time", port());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
