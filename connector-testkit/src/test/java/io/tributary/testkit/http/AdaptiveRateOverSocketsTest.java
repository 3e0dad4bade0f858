package io.tributary.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP stack's adaptive per-connection rate against a real server whose faults push back: it rises while
 * answers are fast and clean, halves on 429, 5xx and growing latency, holds every request of the connection for a
 * {@code Retry-After}, and stays under its ceiling. Lower bounds on time only (waits cannot be shorter than asked).
 */
class AdaptiveRateOverSocketsTest {
    private static final String KEY = "connection-7";

    private final FakeHttpServer server = FakeHttpServer.start(request -> FakeResponse.json(200, "[]"));
    private HttpStack stack = stack(HttpPolicy.builder());

    private static HttpStack stack(HttpPolicy.Builder policy) {
        return HttpStack.create(policy.initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                .build());
    }

    @AfterEach
    void close() {
        stack.close();
        server.close();
    }

    private HttpSession session() {
        return stack.session("test", KEY, List.of());
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(server.baseUrl().resolve(path));
    }

    private void fastAnswers(int n) {
        HttpSession session = session();
        for (int i = 0; i < n; i++) {
            assertThat(session.get(url("/items")).status()).isEqualTo(200);
        }
    }

    @Test
    void startsModerateAndRisesWhileAnswersAreFastAndClean() {
        assertThat(stack.policy().initialRequestsPerSecond()).isEqualTo(20);
        assertThat(stack.policy().requestsPerSecond()).as("the default ceiling").isEqualTo(1000);

        fastAnswers(60);

        assertThat(stack.currentRate(KEY)).isGreaterThan(200).isLessThanOrEqualTo(1000);
    }

    @Test
    void neverRisesAboveTheCeiling() {
        stack.close();
        stack = stack(HttpPolicy.builder().requestsPerSecond(40));
        long start = System.nanoTime();

        fastAnswers(41);

        assertThat(stack.currentRate(KEY)).isEqualTo(40);
        assertThat(System.nanoTime() - start).as("41 requests at most 40 a second").isGreaterThanOrEqualTo(
                Duration.ofMillis(950).toNanos());
    }

    @Test
    void halvesOnTooManyRequestsAndHoldsEveryRequestOfTheConnectionForRetryAfter() {
        fastAnswers(60);
        double before = stack.currentRate(KEY);
        server.faults().inject(Fault.status(429).withRetryAfter(Duration.ofSeconds(2)), 1, "/limited");

        HttpSession one = session();
        HttpSession other = session(); // another session of the same connection, as a parallel fetch has
        long start = System.nanoTime();
        HttpAnswer retried = one.get(url("/limited"));
        HttpAnswer next = other.get(url("/items"));
        long took = System.nanoTime() - start;

        assertThat(retried.status()).as("retried after the wait").isEqualTo(200);
        assertThat(next.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(stack.currentRate(KEY)).isLessThanOrEqualTo(before / 2 + 100);
    }

    @Test
    void parallelCallsShareTheRateAndComeBackInOrder() {
        fastAnswers(60);
        server.faults().inject(Fault.status(503).withRetryAfter(Duration.ofSeconds(1)), 1, "/items/0");
        List<Supplier<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String path = "/items/" + i;
            calls.add(() -> session().get(url(path)).url().encodedPath());
        }
        long start = System.nanoTime();

        List<String> paths = session().inParallel(calls, 4);

        assertThat(paths).containsExactly("/items/0", "/items/1", "/items/2", "/items/3", "/items/4", "/items/5",
                "/items/6", "/items/7");
        assertThat(System.nanoTime() - start).as("the 503's Retry-After").isGreaterThanOrEqualTo(
                Duration.ofSeconds(1).toNanos());
        assertThat(server.requests().all()).hasSize(60 + 9);
    }

    @Test
    void halvesOnServerErrors() {
        fastAnswers(60);
        double before = stack.currentRate(KEY);
        server.faults().inject(Fault.status(503), 1, "/broken");

        assertThat(session().get(url("/broken")).status()).as("retried").isEqualTo(200);

        assertThat(stack.currentRate(KEY)).isLessThan(before);
    }

    @Test
    void slowsDownWhenTheServerGetsSlower() {
        fastAnswers(60);
        double before = stack.currentRate(KEY);
        server.faults().inject(Fault.latency(Duration.ofMillis(300)), 3, "/slow");

        HttpSession session = session();
        for (int i = 0; i < 3; i++) {
            session.get(url("/slow"));
        }

        assertThat(stack.currentRate(KEY)).isLessThanOrEqualTo(before / 2);
    }
}
