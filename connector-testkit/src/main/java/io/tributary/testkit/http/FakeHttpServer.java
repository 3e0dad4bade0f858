package io.tributary.testkit.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake remote system's HTTP server on 127.0.0.1: OkHttp's MockWebServer, whose dispatcher hands every request to a
 * {@link FakeHandler}. On top of it: a log of what clients sent ({@link #requests()}), fault knobs
 * ({@link #faults()}) and hooks that run after the n-th request on a path ({@link #afterRequests}). MockWebServer
 * does the HTTP/1.1 parsing, keep-alive, chunked bodies, the delays and the body cut short; only the TCP reset is
 * done by hand ({@link ResettableSockets}).
 */
public final class FakeHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpServer.class);
    /** Enough for any test; a long-running demo forgets the oldest. */
    private static final int LOG_CAPACITY = 50_000;

    private final FakeHandler handler;
    private final MockWebServer server = new MockWebServer();
    private final ResettableSockets sockets = new ResettableSockets();
    private final RequestLog log = new RequestLog(LOG_CAPACITY);
    private final FaultInjector faults = new FaultInjector();
    private final RequestHooks hooks = new RequestHooks();
    private final String scheme;

    private FakeHttpServer(FakeHandler handler, SSLSocketFactory tls) {
        this.handler = requireNonNull(handler, "handler is null");
        this.scheme = tls == null ? "http" : "https";
        server.setServerSocketFactory(sockets);
        if (tls != null) {
            server.useHttps(tls);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake HTTP server", e);
        }
    }

    /** Starts a plain HTTP server. */
    public static FakeHttpServer start(FakeHandler handler) {
        return new FakeHttpServer(handler, null);
    }

    /**
     * Starts an HTTPS server whose certificate is self-signed, so no client trusts it: the TLS fault, as a shop with
     * a certificate of its own making or an expired chain.
     */
    public static FakeHttpServer startWithUntrustedCertificate(FakeHandler handler) {
        HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        HandshakeCertificates certificates = new HandshakeCertificates.Builder().heldCertificate(selfSigned).build();
        return new FakeHttpServer(handler, certificates.sslSocketFactory());
    }

    /**
     * Starts an HTTPS server whose certificate (for 127.0.0.1 and localhost) is issued by {@code authority}: a
     * client trusts it only when told to trust that authority, as with a company's own CA.
     */
    public static FakeHttpServer startWithCertificateIssuedBy(HeldCertificate authority, FakeHandler handler) {
        HeldCertificate issued = new HeldCertificate.Builder().commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").signedBy(authority)
                .build();
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(issued, authority.certificate()).build();
        return new FakeHttpServer(handler, certificates.sslSocketFactory());
    }

    /** A new certificate authority for {@link #startWithCertificateIssuedBy}; its PEM is {@code certificatePem()}. */
    public static HeldCertificate newCertificateAuthority(String name) {
        return new HeldCertificate.Builder().commonName(name).certificateAuthority(0).build();
    }

    public int port() {
        return server.getPort();
    }

    /** {@code http://127.0.0.1:PORT/} ({@code https} for a TLS server). */
    public URI baseUrl() {
        return URI.create(scheme + "://127.0.0.1:" + port() + "/");
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
        return sockets.accepted();
    }

    /** Hooks not yet run. */
    public int pendingHooks() {
        return hooks.pending();
    }

    private MockResponse answer(mockwebserver3.RecordedRequest received) {
        forgetMockWebServersCopies();
        RecordedRequest request = new RecordedRequest(log.nextSequence(), received.getMethod(), received.getTarget(),
                received.getHeaders().toMultimap(), received.getBody() == null ? new byte[0]
                        : received.getBody().toByteArray());
        log.record(request);
        FaultInjector.Plan plan = faults.take(request.rawPath());
        Fault fault = plan.terminal();
        FakeResponse response;
        if (fault != null && fault.kind() == Fault.Kind.CONNECTION_RESET) {
            sockets.reset(received.getConnectionIndex());
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        } else if (fault != null && fault.kind() == Fault.Kind.GARBAGE) {
            byte[] noise = new byte[512];
            new java.util.Random(request.sequence()).nextBytes(noise);
            sockets.garble(received.getConnectionIndex(), noise);
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        } else if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            response = fault.statusResponse();
        } else {
            response = handle(request);
            if (fault != null && fault.kind() == Fault.Kind.MALFORMED_JSON) {
                response = malformed(response);
            }
        }
        MockResponse.Builder answer = toMockResponse(response, "HEAD".equals(request.method()))
                .headersDelay(plan.latency().toNanos(), TimeUnit.NANOSECONDS);
        if (fault != null && fault.kind() == Fault.Kind.DROP_MID_BODY) {
            // MockWebServer closes the socket once half of the announced body is out
            answer.onResponseBody(new SocketEffect.CloseSocket());
        } else if (request.header("Connection").orElse("").toLowerCase(Locale.ROOT).contains("close")) {
            answer.setHeader("Connection", "close").onResponseEnd(new SocketEffect.CloseSocket());
        }
        return answer.build();
    }

    /** MockWebServer queues every request for takeRequest(), which the fakes never call: drop them, or a demo grows. */
    private void forgetMockWebServersCopies() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static MockResponse.Builder toMockResponse(FakeResponse response, boolean head) {
        MockResponse.Builder answer = new MockResponse.Builder().code(response.status());
        for (Map.Entry<String, String> header : response.headers()) {
            answer.addHeader(header.getKey(), header.getValue());
        }
        byte[] body = response.body();
        if (head) {
            // the length of the body a GET would get, and no body
            return answer.setHeader("Content-Length", Integer.toString(body.length));
        }
        return answer.body(new Buffer().write(body));
    }

    private static FakeResponse errorResponse(String code, RuntimeException e) {
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"");
        return FakeResponse.json(500, "{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"data\":{\"status\":500}}");
    }

    /** A 200 JSON answer whose body stops halfway, so no parser accepts it. */
    private static FakeResponse malformed(FakeResponse response) {
        byte[] body = response.body();
        if (body.length >= 4 && (body[0] == '[' || body[0] == '{')) {
            return FakeResponse.json(200, Arrays.copyOf(body, body.length / 2));
        }
        return FakeResponse.json(200, "[{\"id\":1,\"name\":\"trunc");
    }

    /** Stops accepting, closes every open connection and stops the threads. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeHttpServer[" + baseUrl() + ", " + log.totalCount() + " requests]";
    }
}
