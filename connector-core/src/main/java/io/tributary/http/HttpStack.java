package io.tributary.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * The one HTTP stack every connector shares: one OkHttp client (one connection pool and dispatcher) with
 * OkHttp's own silent retries turned off, so {@link HttpSession}'s retry is the only retry layer; one adaptive rate
 * per connection ({@link AdaptiveRate}: starting at the policy's initial rate, never above its ceiling) and one
 * circuit ({@link ShopCircuit}: a dead shop fails its calls at once); the JSON
 * mapper; and the listener told of every call (metrics). Thread-safe;
 * close it when the program stops.
 */
public final class HttpStack implements AutoCloseable {
    private final OkHttpClient base;
    private final HttpPolicy policy;
    private final Map<String, AdaptiveRate> rates = new ConcurrentHashMap<>();
    private final Map<String, ShopCircuit> circuits = new ConcurrentHashMap<>();
    /** Runs the extra calls of {@link HttpSession#inParallel}; idle threads end after a minute. */
    private final ExecutorService parallel = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tributary-http-parallel");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpCallListener listener;

    private HttpStack(HttpPolicy policy, HttpCallListener listener, List<X509Certificate> extraAuthorities) {
        this.policy = requireNonNull(policy, "policy is null");
        this.listener = requireNonNull(listener, "listener is null");
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (!extraAuthorities.isEmpty()) {
            // the JVM's authorities and the operator's, never fewer checks: chain and host name as always
            HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            extraAuthorities.forEach(trust::addTrustedCertificate);
            HandshakeCertificates certificates = trust.build();
            builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
        }
        this.base = builder
                .retryOnConnectionFailure(false)
                .followRedirects(true)
                .followSslRedirects(true)
                .addNetworkInterceptor(new SameHostRedirects())
                .connectTimeout(policy.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(16, 2, TimeUnit.MINUTES))
                .build();
    }

    public static HttpStack create(HttpPolicy policy) {
        return new HttpStack(policy, HttpCallListener.NONE, List.of());
    }

    /** A stack that tells {@code listener} of every call it sends (each attempt of each request). */
    public static HttpStack create(HttpPolicy policy, HttpCallListener listener) {
        return new HttpStack(policy, listener, List.of());
    }

    /**
     * As {@link #create(HttpPolicy, HttpCallListener)}, also trusting {@code extraAuthorities} beside the JVM's
     * (see {@link CertificateAuthorities}).
     */
    public static HttpStack create(HttpPolicy policy, HttpCallListener listener,
            List<X509Certificate> extraAuthorities) {
        return new HttpStack(policy, listener, List.copyOf(extraAuthorities));
    }

    public HttpPolicy policy() {
        return policy;
    }

    public ObjectMapper json() {
        return Json.mapper();
    }

    /**
     * A session for syncing one connection: retries as the policy says and shares the connection's adaptive rate
     * with every other session of the same {@code connectionKey}.
     *
     * @param system        the connection's system id ({@code woocommerce}), which the calls are counted under
     * @param connectionKey names the rate (for example {@code connection-7}); never a credential
     * @param interceptors  the connector's own interceptors, typically authentication, applied in order
     */
    public HttpSession session(String system, String connectionKey, List<Interceptor> interceptors) {
        return new HttpSession(client(system, connectionKey, interceptors), policy,
                rate(connectionKey), circuit(connectionKey), parallel, connectionKey, null);
    }

    /**
     * A session for one verification: no retries, and every request bounded by the policy's verification
     * budget counted from now, so a whole verification takes at most that long.
     */
    public HttpSession verificationSession(String system, String connectionKey, List<Interceptor> interceptors) {
        Instant deadline = Instant.now().plus(policy.verificationBudget());
        return new HttpSession(client(system, connectionKey, interceptors), policy,
                rate(connectionKey), null, parallel, connectionKey + "-verify", deadline);
    }

    private AdaptiveRate rate(String connectionKey) {
        return rates.computeIfAbsent(connectionKey, key -> new AdaptiveRate(policy.initialRequestsPerSecond(),
                policy.requestsPerSecond(), System::nanoTime));
    }

    private ShopCircuit circuit(String connectionKey) {
        return circuits.computeIfAbsent(connectionKey, key -> new ShopCircuit(key, policy, Clock.systemUTC()));
    }

    /**
     * The requests per second the connection named {@code connectionKey} may send now (its adaptive rate), or 0
     * when it sent none yet.
     */
    public double currentRate(String connectionKey) {
        AdaptiveRate rate = rates.get(connectionKey);
        return rate == null ? 0 : rate.current();
    }

    private OkHttpClient client(String system, String label, List<Interceptor> interceptors) {
        requireNonNull(system, "system is null");
        OkHttpClient.Builder builder = base.newBuilder();
        interceptors.forEach(builder::addInterceptor);
        builder.addInterceptor(new RedactingLogInterceptor(label));
        // innermost: an authenticator that sends a request twice (a token renewed after a 401) is heard twice
        builder.addInterceptor(new ListeningInterceptor(system, listener));
        return builder.build();
    }

    /** Cancels every call in flight (a stopping daemon that cannot wait any longer). */
    public void cancelAll() {
        base.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        parallel.shutdown();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
