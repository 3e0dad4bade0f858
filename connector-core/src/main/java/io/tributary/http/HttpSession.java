package io.tributary.http;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The HTTP client of one connection: the shared pool with the connection's own interceptors (auth), its adaptive
 * rate (told of every answer) and the one retry layer. Retries 429, 5xx and I/O failures with exponential backoff and jitter,
 * waiting out {@code Retry-After}; never retries any other status (a rejected credential stays rejected).
 * A verification session does not retry and stops at its deadline.
 */
public final class HttpSession {
    /** The largest body read into memory; a page of any supported API is far smaller. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    /** The longest a request waits for its slot (a long {@code Retry-After} pause) before it fails. */
    private static final Duration MAX_RATE_WAIT = Duration.ofMinutes(5);

    private final OkHttpClient client;
    private final HttpPolicy policy;
    private final AdaptiveRate rate;
    private final Executor parallel;
    private final Retry retry;
    private final Instant deadline;
    /** The connection's circuit; none for a verification, which must say what is wrong, not that it gave up. */
    private final ShopCircuit circuit;

    HttpSession(OkHttpClient client, HttpPolicy policy, AdaptiveRate rate, ShopCircuit circuit, Executor parallel,
            String label, Instant deadline) {
        this.client = requireNonNull(client, "client is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.rate = requireNonNull(rate, "rate is null");
        this.parallel = requireNonNull(parallel, "parallel is null");
        this.deadline = deadline;
        this.circuit = circuit;
        int attempts = deadline == null ? policy.maxAttempts() : 1;
        RetryConfig config = RetryConfig.<HttpAnswer>custom()
                .maxAttempts(attempts)
                .retryOnResult(this::worthRetrying)
                .retryOnException(HttpFailures::retriable)
                .intervalBiFunction(this::waitBeforeRetry)
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of(label, config);
    }

    /** Whether an answer with this status is worth retrying: 429 and 5xx. */
    static boolean retriableStatus(HttpAnswer answer) {
        return answer.status() == 429 || answer.status() >= 500;
    }

    /** A retriable status, unless the server asks to wait longer than the policy allows. */
    private boolean worthRetrying(HttpAnswer answer) {
        return retriableStatus(answer) && askedWait(answer)
                .map(wait -> wait.compareTo(policy.maxRetryAfter()) <= 0).orElse(true);
    }

    private static Optional<Duration> askedWait(HttpAnswer answer) {
        return RetryAfter.parse(answer.header("Retry-After").orElse(null), Instant.now());
    }

    /**
     * Sends a request and reads the whole answer, whatever its status. 429 and 5xx answers come back only
     * after the retries are spent (as the last answer received); I/O failures after the retries are thrown.
     *
     * @throws ConnectorException for I/O failures (unreachable, TLS, timeout, dropped connection), and with
     *                            {@link FailureKind#RATE_LIMITED} when the server asks to wait longer than
     *                            the policy allows
     */
    public HttpAnswer send(Request request) {
        try {
            return retry.executeCheckedSupplier(() -> attempt(request));
        } catch (ConnectorException e) {
            throw e;
        } catch (IOException e) {
            throw HttpFailures.forIo(e, request.url(), policy);
        } catch (Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
            throw new ConnectorException(FailureKind.SERVER_ERROR, "Calling " + request.method() + " "
                    + Redaction.withoutQuery(request.url()) + " failed: " + e.getClass().getSimpleName() + ".",
                    null, e);
        }
    }

    /**
     * Sends a request exactly once, whatever the answer or failure: no retry, not even after a reset
     * connection. For requests that must not be repeated blindly: a sign-in, where a second attempt with a wrong
     * password counts against the account's lockout; a request that creates something, where a lost answer may
     * hide a success and a retry could create it twice. Still rate limited and, in a verification session,
     * bounded by its deadline.
     *
     * @throws ConnectorException for I/O failures, classified as {@link #send} does (the request may or may not
     *                            have reached the server)
     */
    public HttpAnswer sendOnce(Request request) {
        try {
            return attempt(request);
        } catch (IOException e) {
            throw HttpFailures.forIo(e, request.url(), policy);
        }
    }

    /**
     * GETs {@code url} and hands back the body unread, to be streamed in constant memory. Sent once, like
     * {@link #sendOnce}: a caller that loses a download starts it over. A status other than 2xx comes back as the
     * complete (small) answer in the exception's place: {@code failure} turns it into the exception to throw.
     *
     * @throws ConnectorException for I/O failures, classified as {@link #send} does, and from {@code failure}
     */
    public HttpDownload download(okhttp3.HttpUrl url, java.util.function.Function<HttpAnswer, ConnectorException> failure) {
        Request request = new Request.Builder().url(url).get().build();
        AdaptiveRate.Permit permit = admitAndAcquire(url);
        long start = System.nanoTime();
        Response response;
        try {
            response = client.newCall(request).execute();
        } catch (IOException e) {
            throw heardNothing(permit, e, url, System.nanoTime() - start);
        }
        long nanos = System.nanoTime() - start;
        rate.answered(permit, response.code(), nanos, askedWait(response));
        if (circuit != null) {
            circuit.answered(response.code(), url, nanos);
        }
        if (response.isSuccessful()) {
            return new HttpDownload(url, response);
        }
        try (response) {
            String body = readBody(response);
            throw failure.apply(new HttpAnswer("GET", url, response.code(), response.headers(), body,
                    (System.nanoTime() - start) / 1_000_000));
        } catch (IOException e) {
            throw HttpFailures.forIo(e, url, policy);
        }
    }

    /** {@link #send} for a GET of {@code url}. */
    public HttpAnswer get(okhttp3.HttpUrl url) {
        return send(new Request.Builder().url(url).get().build());
    }

    private HttpAnswer attempt(Request request) throws IOException {
        Duration remaining = remaining(request);
        AdaptiveRate.Permit permit = admitAndAcquire(request.url());
        long start = System.nanoTime();
        Call call = client.newCall(request);
        if (remaining != null) {
            call.timeout().timeout(Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
        }
        try (Response response = call.execute()) {
            String body = readBody(response);
            long nanos = System.nanoTime() - start;
            rate.answered(permit, response.code(), nanos, askedWait(response));
            if (circuit != null) {
                circuit.answered(response.code(), request.url(), nanos);
            }
            return new HttpAnswer(request.method(), request.url(), response.code(), response.headers(), body,
                    nanos / 1_000_000);
        } catch (IOException e) {
            heardNothing(permit, e, request.url(), System.nanoTime() - start);
            throw e;
        }
    }

    /** Leave from the circuit, then the connection's next slot; a refused slot gives the circuit's leave back. */
    private AdaptiveRate.Permit admitAndAcquire(okhttp3.HttpUrl url) {
        if (circuit == null) {
            return acquire();
        }
        circuit.admit(url);
        try {
            return acquire();
        } catch (RuntimeException e) {
            circuit.release();
            throw e;
        }
    }

    /** This connection's next slot at its current rate. */
    private AdaptiveRate.Permit acquire() {
        try {
            return rate.acquire(MAX_RATE_WAIT);
        } catch (AdaptiveRate.RateWaitTooLongException e) {
            throw new ConnectorException(FailureKind.RATE_LIMITED, "Too many requests are queued for this "
                    + "connection; the per-connection rate limit could not be met.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureKind.RATE_LIMITED, "Interrupted while waiting for this connection's "
                    + "rate limit.");
        }
    }

    /**
     * A timeout slows the connection down; a refused or reset connection says nothing about its load. Both count
     * against the circuit, as any failure a retry may help with does. Returns the failure as a sentence.
     */
    private ConnectorException heardNothing(AdaptiveRate.Permit permit, IOException failure, okhttp3.HttpUrl url,
            long nanos) {
        if (failure instanceof InterruptedIOException) {
            rate.timedOut(permit);
        }
        ConnectorException sentence = HttpFailures.forIo(failure, url, policy);
        if (circuit != null) {
            circuit.heardNothing(sentence, HttpFailures.retriable(failure), nanos);
        }
        return sentence;
    }

    private static Duration askedWait(Response response) {
        return RetryAfter.parse(response.header("Retry-After"), Instant.now()).orElse(null);
    }

    private Duration remaining(Request request) {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new ConnectorException(FailureKind.TIMEOUT, "Verification ran out of its "
                    + policy.verificationBudget().toSeconds() + " s before " + request.method() + " "
                    + Redaction.withoutQuery(request.url()) + " could be sent.");
        }
        return left;
    }

    private static String readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw new IOException("answer body of " + declared + " bytes is larger than " + MAX_BODY_BYTES);
        }
        BufferedSource source = body.source();
        if (!source.request(MAX_BODY_BYTES + 1) ) {
            return source.readString(StandardCharsets.UTF_8);
        }
        throw new IOException("answer body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private Long waitBeforeRetry(Integer attempt, Either<Throwable, HttpAnswer> outcome) {
        if (outcome.isRight()) {
            Optional<Duration> asked = askedWait(outcome.get());
            if (asked.isPresent()) {
                return Math.max(asked.get().toMillis(), 1L);
            }
        }
        double base = policy.initialBackoff().toMillis() * Math.pow(policy.backoffMultiplier(), attempt - 1);
        double capped = Math.min(base, policy.maxBackoff().toMillis());
        double spread = capped * policy.jitter();
        double jittered = capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
        return Math.max(1L, Math.round(jittered));
    }

    /**
     * Runs {@code calls} (each typically one or a few requests of this session) with at most {@code maxInFlight}
     * running at once, and returns their results in the order of {@code calls}. Every request still takes its slot
     * of the connection's rate, so this overlaps round trips without sending faster than the rate allows. The
     * calling thread runs calls too. After a call fails no further call starts; the failure of the first call (in
     * {@code calls}' order) that failed is thrown once the running ones are over.
     */
    public <T> List<T> inParallel(List<? extends Supplier<T>> calls, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        int n = calls.size();
        Object[] results = new Object[n];
        RuntimeException[] failures = new RuntimeException[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Error> fatal = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = calls.get(i).get();
                } catch (RuntimeException e) {
                    failures[i] = e;
                    next.set(n); // start nothing more
                } catch (Error e) {
                    fatal.compareAndSet(null, e);
                    next.set(n);
                }
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(maxInFlight, n); i++) {
            helpers.add(CompletableFuture.runAsync(worker, parallel));
        }
        worker.run();
        for (CompletableFuture<Void> helper : helpers) {
            try {
                helper.join();
            } catch (CompletionException e) {
                fatal.compareAndSet(null, new AssertionError("a parallel call escaped its worker", e.getCause()));
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    public HttpPolicy policy() {
        return policy;
    }

    /**
     * Whether an optional call fits: a verification session has at least {@code reserve} left before its deadline
     * (a sync session has no deadline, so always).
     */
    public boolean hasTimeLeft(Duration reserve) {
        return deadline == null || Duration.between(Instant.now(), deadline).compareTo(reserve) >= 0;
    }
}
