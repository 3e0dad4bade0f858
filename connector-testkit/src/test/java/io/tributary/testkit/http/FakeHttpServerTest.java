package io.tributary.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeHttpServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger counter = new AtomicInteger();
    private final FakeHttpServer server = FakeHttpServer.start(request -> FakeResponse.json(200,
            "{\"path\":\"" + request.rawPath() + "\",\"counter\":" + counter.get() + "}").withHeader("X-Test", "yes"));

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.baseUrl().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsWhatTheClientSent() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(server.baseUrl().resolve("/a/b%20c?x=1&status=a%2Cb&x=2&empty&plus=a+b"))
                .header("X-Custom", "One").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"k\":\"Grüner Tee\"}")).build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Test")).contains("yes");
        RecordedRequest recorded = server.requests().last().orElseThrow();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.rawPath()).isEqualTo("/a/b%20c");
        assertThat(recorded.path()).isEqualTo("/a/b c");
        assertThat(recorded.rawQuery()).isEqualTo("x=1&status=a%2Cb&x=2&empty&plus=a+b");
        assertThat(recorded.queryParameters()).containsExactly(
                Map.entry("x", List.of("1", "2")), Map.entry("status", List.of("a,b")),
                Map.entry("empty", List.of("")), Map.entry("plus", List.of("a b")));
        assertThat(recorded.header("x-custom")).contains("One");
        assertThat(recorded.headers().get("CONTENT-TYPE")).containsExactly("application/json");
        assertThat(recorded.bodyAsString()).isEqualTo("{\"k\":\"Grüner Tee\"}");
        assertThat(recorded.sequence()).isEqualTo(1);
    }

    @Test
    void keepsConnectionsAlive() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/ping").statusCode()).isEqualTo(200);
        }
        assertThat(server.requests().totalCount()).isEqualTo(5);
        assertThat(server.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void readsAChunkedBodyAndAnswersEachRequestOnOneConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                    + "GET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all).contains("\"path\":\"/chunked\"").contains("\"path\":\"/second\"").contains("Connection: close");
        }
        assertThat(server.requests().all()).extracting(RecordedRequest::bodyAsString).containsExactly("hello world", "");
    }

    @Test
    void statusFaultAppliesToTheNextRequestsOnlyAndCarriesRetryAfter() throws Exception {
        server.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(7)), 2);

        HttpResponse<String> first = get("/x");
        HttpResponse<String> second = get("/x");
        HttpResponse<String> third = get("/x");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(new ObjectMapper().readTree(first.body()).path("data").path("status").asInt()).isEqualTo(429);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.headers().firstValue("Retry-After")).isEmpty();
        assertThat(server.faults().pending()).isZero();
    }

    @Test
    void faultWithAPathPrefixLeavesOtherPathsAlone() throws Exception {
        server.faults().inject(Fault.status(503), 1, "/orders");

        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(get("/orders/12").statusCode()).isEqualTo(503);
        assertThat(get("/orders/12").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetSendsATcpResetBeforeAnyByte() throws Exception {
        server.faults().inject(Fault.connectionReset(), 1);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GET /reset HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        assertThat(get("/after").statusCode()).isEqualTo(200);
        assertThat(server.requests().totalCount()).isEqualTo(2);
    }

    @Test
    void connectionResetFailsAJavaHttpClientRequest() {
        // java.net.http retries an idempotent request once on a reset connection, so reset twice.
        server.faults().inject(Fault.connectionReset(), 2);
        assertThatThrownBy(() -> get("/reset")).isInstanceOf(IOException.class);
        assertThat(server.requests().totalCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonAnswers200WithABodyNoParserAccepts() throws Exception {
        server.faults().inject(Fault.malformedJson(), 1);

        HttpResponse<String> response = get("/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"path\":");
        assertThatThrownBy(() -> new ObjectMapper().readTree(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void dropMidBodyAnnouncesMoreThanItSends() throws Exception {
        server.faults().inject(Fault.dropMidBody(), 1);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String body = all.substring(split + 4);
            int announced = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            assertThat(body.length()).isPositive().isLessThan(announced);
        }
        server.faults().inject(Fault.dropMidBody(), 1);
        assertThatThrownBy(() -> get("/drop")).isInstanceOf(IOException.class);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        server.faults().inject(Fault.latency(Duration.ofMillis(300)), 1);
        long start = System.nanoTime();
        assertThat(get("/slow").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void hookRunsAfterTheNthMatchingRequestAndBeforeTheNextOne() throws Exception {
        server.afterRequests("/items", 2, counter::incrementAndGet);

        String first = get("/items").body();
        get("/other");
        String second = get("/items?page=2").body();
        String third = get("/items?page=3").body();

        assertThat(first).contains("\"counter\":0");
        assertThat(second).contains("\"counter\":0");
        assertThat(third).contains("\"counter\":1");
        assertThat(counter.get()).isEqualTo(1);
        assertThat(server.pendingHooks()).isZero();
    }

    @Test
    void failingHookTurnsTheAnswerInto500() throws Exception {
        server.afterRequests("/", 1, () -> {
            throw new IllegalStateException("edit failed");
        });
        HttpResponse<String> response = get("/x");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("fake_hook_failed").contains("edit failed");
    }

    @Test
    void servesSeveralClientsAtOnce() throws Exception {
        int clients = 4;
        CyclicBarrier allInside = new CyclicBarrier(clients);
        try (FakeHttpServer concurrent = FakeHttpServer.start(request -> {
            try {
                allInside.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return FakeResponse.of(500);
            }
            return FakeResponse.of(204);
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    results.add(pool.submit(() -> own.send(HttpRequest.newBuilder(concurrent.baseUrl()).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode()));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(204);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeStopsThePortAndOpenConnections() throws Exception {
        URI base = server.baseUrl();
        Socket idle = new Socket("127.0.0.1", server.port());
        idle.setSoTimeout(2_000);
        // one answered request: the connection is accepted and now idles, kept alive
        idle.getOutputStream().write("GET /x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = idle.getInputStream();
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(head).isEqualTo("HTTP/1.1 200");

        long start = System.nanoTime();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        in.readAllBytes(); // the rest of the answer, then the end of the stream: the server closed it
        idle.close();
        assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void baseUrlIsLoopbackWithTheBoundPort() {
        assertThat(server.baseUrl()).hasScheme("http").hasHost("127.0.0.1").hasPort(server.port()).hasPath("/");
    }
}
