package io.tributary.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpSessionTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private final HttpStack stack = HttpStack.create(HttpPolicy.builder()
            .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)).maxAttempts(4)
            .requestsPerSecond(1000).build());

    @AfterEach
    void close() {
        stack.close();
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(server.getRuntimeInfo().getHttpBaseUrl() + path);
    }

    private HttpSession session() {
        return stack.session("test", "connection-1", List.of());
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedSoCredentialsStayHome() {
        int port = server.getRuntimeInfo().getHttpPort();
        // the same server under another host name: what a shop sending its clients elsewhere looks like
        server.stubFor(get(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + port + "/new?consumer_key=ck_1a2b3c")));
        server.stubFor(get(urlPathEqualTo("/new")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/items")));
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[1]")));
        Interceptor bearer = chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer tok_redirect_secret").build());
        HttpSession session = stack.session("test", "connection-9", List.of(bearer));

        assertThatThrownBy(() -> session.get(HttpUrl.get("http://127.0.0.1:" + port + "/old?consumer_key=ck_1a2b3c")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1 redirected the request to another host, localhost;"
                            + " Tributary does not send credentials to another host. If the shop moved there, use "
                            + "that address as the connection's URL.");
                });
        server.verify(0, getRequestedFor(urlPathEqualTo("/new")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/old")));

        // on the same host a redirect is followed, credentials along
        assertThat(session.get(HttpUrl.get("http://127.0.0.1:" + port + "/moved")).body()).isEqualTo("[1]");
        server.verify(getRequestedFor(urlPathEqualTo("/items"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer tok_redirect_secret")));
    }

    @Test
    void aDeadShopOpensTheCircuitSoCallsFailAtOnceUntilATrialCallGetsAnAnswer() {
        HttpStack guarded = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(20)).maxAttempts(3).requestsPerSecond(1000).circuitFailures(4)
                .circuitOpenFor(Duration.ofSeconds(1)).build());
        server.stubFor(get("/items").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpSession session = guarded.session("test", "connection-dead", List.of());
        try {
            // 3 attempts, then 1 more of the next request: 4 failures in a row open the circuit
            assertThatThrownBy(() -> session.get(url("/items"))).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("was lost before a complete answer arrived");
            assertThatThrownBy(() -> session.get(url("/items"))).isInstanceOf(ConnectorException.class);
            server.verify(4, getRequestedFor(urlPathEqualTo("/items")));

            long start = System.nanoTime();
            assertThatThrownBy(() -> session.get(url("/items"))).isInstanceOfSatisfying(ConnectorException.class,
                    e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
                        assertThat(e.getMessage()).matches("Tributary stopped calling localhost:\\d+ after 4 failed "
                                + "attempts in a row; it tries again from \\d\\d:\\d\\d:\\d\\d UTC\\. The last failure: The "
                                + "connection to localhost:\\d+ was lost before a complete answer arrived .*");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no retries against an open circuit")
                    .isLessThan(Duration.ofMillis(500));
            server.verify(4, getRequestedFor(urlPathEqualTo("/items")));

            // a verification is not the circuit's business: the admin asks what is wrong now
            assertThatThrownBy(() -> guarded.verificationSession("test", "connection-dead", List.of())
                    .get(url("/items"))).hasMessageContaining("was lost before a complete answer arrived");
            server.verify(5, getRequestedFor(urlPathEqualTo("/items")));

            server.stubFor(get("/items").willReturn(okJson("[1]")));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .ignoreException(ConnectorException.class)
                    .untilAsserted(() -> assertThat(session.get(url("/items")).body()).isEqualTo("[1]"));
            // closed again: the calls that follow go through at once
            assertThat(session.get(url("/items")).status()).isEqualTo(200);
        } finally {
            guarded.close();
        }
    }

    @Test
    void answersThatAreNotFailuresOfTheShopNeverOpenTheCircuit() {
        HttpStack guarded = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(20)).maxAttempts(3).requestsPerSecond(1000).circuitFailures(2)
                .circuitOpenFor(Duration.ofMinutes(5)).build());
        server.stubFor(get("/limited").willReturn(aResponse().withStatus(429)));
        server.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson("[2]"))
                .willSetStateTo(Scenario.STARTED));
        HttpSession session = guarded.session("test", "connection-busy", List.of());
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(session.get(url("/limited")).status()).isEqualTo(429);
                assertThat(session.get(url("/missing")).status()).isEqualTo(404);
                assertThat(session.get(url("/flaky")).body()).as("one 503 between answers").isEqualTo("[2]");
            }
            server.verify(9, getRequestedFor(urlPathEqualTo("/limited")));
        } finally {
            guarded.close();
        }
    }

    @Test
    void waitsOutRetryAfterOn429ThenSucceeds() {
        server.stubFor(get("/items").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        server.stubFor(get("/items").inScenario("limited").whenScenarioStateIs("open").willReturn(okJson("[1]")));

        long start = System.nanoTime();
        HttpAnswer answer = session().get(url("/items"));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[1]");
        assertThat(waitedMs).as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(1000);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void tellsTheListenerOfEveryAttemptWithItsSystemAndStatusOrIoError() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpStack listened = HttpStack.create(HttpPolicy.builder().initialBackoff(Duration.ofMillis(10))
                .maxAttempts(2).requestsPerSecond(1000).build(), (system, status, nanos) -> heard.add(system + " "
                        + status));
        server.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        assertThat(listened.session("woocommerce", "connection-1", List.of()).get(url("/busy")).status())
                .isEqualTo(200);
        assertThatThrownBy(() -> listened.verificationSession("magento", "verify-x", List.of())
                .get(HttpUrl.get("http://127.0.0.1:1/x"))).isInstanceOf(ConnectorException.class);

        assertThat(heard).containsExactly("woocommerce 503", "woocommerce 200", "magento io_error");
        listened.close();
    }

    @Test
    void neverRetriesARejectedCredential() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(401).withBody("{\"code\":\"no\"}")));

        HttpAnswer answer = session().get(url("/items"));

        assertThat(answer.status()).isEqualTo(401);
        server.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void sendOnceNeverRetriesNeitherAStatusNorAReset() {
        server.stubFor(post("/sign-in")
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(post("/reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));

        HttpAnswer answer = session().sendOnce(new Request.Builder().url(url("/sign-in")).post(body).build());
        assertThatThrownBy(() -> session().sendOnce(new Request.Builder().url(url("/reset")).post(body).build()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE));

        assertThat(answer.status()).isEqualTo(503);
        server.verify(1, postRequestedFor(urlPathEqualTo("/sign-in")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/reset")));
    }

    @Test
    void retries5xxUpToTheLimitAndReturnsTheLastAnswer() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(503)));

        HttpAnswer answer = session().get(url("/items"));

        assertThat(answer.status()).isEqualTo(503);
        server.verify(4, getRequestedFor(urlPathEqualTo("/items")));
        assertThat(HttpFailures.forStatus(answer, "reading items").kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsNotWaitedFor() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        long start = System.nanoTime();
        HttpAnswer answer = session().get(url("/items"));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        server.verify(1, getRequestedFor(urlPathEqualTo("/items")));
        ConnectorException failure = HttpFailures.forStatus(answer, "reading items");
        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.retriable()).isTrue();
    }

    @Test
    void aResetConnectionIsRetriedByTheOneRetryLayerOnly() {
        server.stubFor(get("/items").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get("/items").inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        assertThat(session().get(url("/items")).status()).isEqualTo(200);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));

        HttpStack single = HttpStack.create(HttpPolicy.builder().maxAttempts(1).build());
        server.stubFor(get("/always-reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> single.session("test", "c", List.of()).get(url("/always-reset")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("The connection to localhost:" + server.getPort()
                            + " was lost before a complete answer arrived");
                });
        server.verify(1, getRequestedFor(urlPathEqualTo("/always-reset")));
        single.close();
    }

    @Test
    void diagnosesRefusedConnectionsUnknownHostsAndUntrustedCertificates() {
        HttpStack single = HttpStack.create(HttpPolicy.builder().maxAttempts(1).build());
        HttpSession session = single.session("test", "c", List.of());
        assertThatThrownBy(() -> session.get(HttpUrl.get("http://127.0.0.1:1/x")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("Nothing accepts connections at 127.0.0.1:1");
                });
        assertThatThrownBy(() -> session.get(HttpUrl.get("http://shop.invalid/x")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("The host name shop.invalid could not be resolved: check the API URL."));
        server.stubFor(get("/secure").willReturn(okJson("{}")));
        assertThatThrownBy(() -> session.get(HttpUrl.get("https://localhost:" + server.getHttpsPort() + "/secure")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TLS);
                    assertThat(e.getMessage()).contains("is not trusted");
                });
        assertThatThrownBy(() -> session.get(HttpUrl.get("https://localhost:" + server.getPort() + "/secure")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TLS);
                    assertThat(e.getMessage()).contains("does not speak TLS");
                });
        single.close();
    }

    @Test
    void verificationSessionsStopAtTheirBudget() {
        HttpStack quick = HttpStack.create(HttpPolicy.builder().verificationBudget(Duration.ofMillis(700)).build());
        server.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(3000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> quick.verificationSession("test", "c", List.of()).get(url("/slow")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        quick.close();
    }

    @Test
    void onlyAVerificationSessionRunsOutOfTimeForOptionalCalls() {
        HttpStack verifying = HttpStack.create(HttpPolicy.builder().verificationBudget(Duration.ofSeconds(30)).build());
        HttpSession verification = verifying.verificationSession("test", "c", List.of());
        assertThat(verification.hasTimeLeft(Duration.ofSeconds(5))).isTrue();
        assertThat(verification.hasTimeLeft(Duration.ofSeconds(31))).isFalse();
        assertThat(verifying.session("test", "c", List.of()).hasTimeLeft(Duration.ofDays(1))).isTrue();
        verifying.close();
    }

    @Test
    void theLogRedactsCredentialsInQueriesAndHeaders() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[]")));
        Interceptor auth = chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Basic c2VjcmV0LXRva2VuLTEyMzQ=").build());
        try (LogCapture log = LogCapture.begin()) {
            stack.session("test", "connection-9", List.of(auth))
                    .get(url("/items?consumer_key=ck_visible_1234&consumer_secret=cs_hidden_5678&page=2"));
            assertThat(log.text())
                    .contains("connection-9: GET " + server.getRuntimeInfo().getHttpBaseUrl() + "/items?consumer_key=****&consumer_secret=****&page=2 -> 200")
                    .contains("Authorization=****")
                    .doesNotContain("ck_visible_1234").doesNotContain("cs_hidden_5678")
                    .doesNotContain("c2VjcmV0LXRva2VuLTEyMzQ=");
        }
    }

    @Test
    void policiesRejectBadValuesAtOnce() {
        assertThatThrownBy(() -> HttpPolicy.builder().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> HttpPolicy.builder().jitter(1.5).build()).hasMessageContaining("jitter");
        assertThatThrownBy(() -> HttpPolicy.builder().connectTimeout(Duration.ZERO).build())
                .hasMessageContaining("connectTimeout must be positive");
    }

    @Test
    void downloadsStreamTheBodyAndTurnOtherStatusesIntoTheCallersFailure() throws Exception {
        server.stubFor(get(urlPathEqualTo("/export.jsonl")).willReturn(aResponse().withBody("{\"a\":1}\n{\"b\":\"ä\"}\n")));
        server.stubFor(get("/gone.jsonl").willReturn(aResponse().withStatus(403).withBody("expired")));

        try (HttpDownload download = session().download(url("/export.jsonl?X-Goog-Signature=abc"), a -> null)) {
            assertThat(download.lines().lines().toList()).containsExactly("{\"a\":1}", "{\"b\":\"ä\"}");
            assertThat(download.where()).endsWith("/export.jsonl");
        }
        assertThatThrownBy(() -> session().download(url("/gone.jsonl"), a -> new ConnectorException(
                FailureKind.FORBIDDEN, a.where() + " answered " + a.status() + ": " + a.body())))
                .hasMessageEndingWith("/gone.jsonl answered 403: expired");
    }

    @Test
    void headersAndParametersNamingATokenSecretOrSignatureAreCredentials() {
        assertThat(Redaction.isCredentialHeader("X-Shopify-Access-Token")).isTrue();
        assertThat(Redaction.isCredentialHeader("Content-Type")).isFalse();
        assertThat(Redaction.redacted(url("/f?X-Goog-Signature=abc&page=2"))).endsWith("/f?X-Goog-Signature=****&page=2");
    }

    @Test
    void inParallelRunsAtMostSoManyAtOnceKeepsTheOrderAndThrowsTheFirstFailure() {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.function.Supplier<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return n * n;
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        assertThat(session().inParallel(calls, 3)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144,
                169, 196, 225, 256, 289, 324, 361);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(session().inParallel(List.<java.util.function.Supplier<Integer>>of(), 3)).isEmpty();

        List<java.util.function.Supplier<Integer>> failing = List.of(() -> 1, () -> {
            throw new ConnectorException(FailureKind.SERVER_ERROR, "second failed", 500, null);
        }, () -> 3);
        assertThatThrownBy(() -> session().inParallel(failing, 2)).isInstanceOf(ConnectorException.class)
                .hasMessage("second failed");
        assertThatThrownBy(() -> session().inParallel(failing, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
