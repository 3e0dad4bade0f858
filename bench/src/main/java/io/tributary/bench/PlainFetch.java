package io.tributary.bench;

import io.tributary.http.OAuth1;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The read half of the I/O limit: the very requests a sync sent (its GETs, as the shop logged them), sent again by
 * a plain keep-alive client, bodies read and thrown away. Authentication as a shop developer's script does it:
 * WooCommerce's OAuth 1.0a one-legged signature over plain HTTP, Magento's admin bearer token.
 */
final class PlainFetch {
    /** How long the requests took and how much came back. */
    record Result(double seconds, int requests, long bytes) {}

    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private final ShopHandle shop;
    private final HttpUrl base;
    private String bearer;

    PlainFetch(ShopHandle shop) {
        this.shop = shop;
        HttpUrl url = HttpUrl.get(shop.url());
        this.base = url.newBuilder().encodedPath("/").query(null).build();
    }

    /** Sends {@code targets} with at most {@code inFlight} requests in flight. */
    Result fetch(List<String> targets, int inFlight) throws Exception {
        if (shop.system.equals("magento") && bearer == null) {
            bearer = magentoToken();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(inFlight);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                running.add(workers.submit(() -> {
                    for (int n = next.getAndIncrement(); n < targets.size(); n = next.getAndIncrement()) {
                        bytes.addAndGet(get(targets.get(n)));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result((System.nanoTime() - start) / 1e9, targets.size(), bytes.get());
    }

    private long get(String target) throws IOException {
        Request.Builder request = new Request.Builder().url(url(target));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw new IOException("the plain client got HTTP " + response.code() + " for " + target + ": "
                        + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
            }
            return body.length;
        }
    }

    /** The target as this client sends it: a WooCommerce target without the sync's OAuth parameters, signed anew. */
    private HttpUrl url(String target) {
        HttpUrl logged = HttpUrl.get(base + target.substring(1));
        if (!shop.system.equals("woocommerce") || !logged.encodedPath().contains("/wc/")) {
            return logged;
        }
        HttpUrl.Builder plain = logged.newBuilder().query(null);
        for (int i = 0; i < logged.querySize(); i++) {
            if (!logged.queryParameterName(i).startsWith("oauth_")) {
                plain.addQueryParameter(logged.queryParameterName(i), logged.queryParameterValue(i));
            }
        }
        return signWooCommerce(plain.build());
    }

    /** OAuth 1.0a as WooCommerce checks it on plain HTTP (HMAC-SHA256, the consumer secret as key). */
    private HttpUrl signWooCommerce(HttpUrl url) {
        HttpUrl withOauth = url.newBuilder()
                .addQueryParameter("oauth_consumer_key", shop.accessToken())
                .addQueryParameter("oauth_nonce", OAuth1.nonce())
                .addQueryParameter("oauth_signature_method", "HMAC-SHA256")
                .addQueryParameter("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .build();
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < withOauth.querySize(); i++) {
            String value = withOauth.queryParameterValue(i);
            parameters.add(Map.entry(withOauth.queryParameterName(i), value == null ? "" : value));
        }
        parameters.sort(Comparator.comparing(Map.Entry::getKey)); // names are ASCII: strcmp order
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters) {
            pairs.add(OAuth1.percentEncode(OAuth1.percentEncode(parameter.getKey()) + "="
                    + OAuth1.percentEncode(parameter.getValue())));
        }
        String baseUri = withOauth.newBuilder().query(null).build().toString();
        String base = "GET&" + OAuth1.percentEncode(baseUri) + "&" + String.join("%26", pairs);
        String signature = OAuth1.hmacBase64("HmacSHA256", shop.secret() + "&", base);
        return withOauth.newBuilder().addQueryParameter("oauth_signature", signature).build();
    }

    private String magentoToken() throws IOException {
        String body = "{\"username\":" + quote(shop.accessToken()) + ",\"password\":" + quote(shop.secret()) + "}";
        HttpUrl url = HttpUrl.get(shop.url()).newBuilder().addPathSegments("integration/admin/token").build();
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = client.newCall(request).execute()) {
            String token = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("Magento refused the admin token: " + token);
            }
            return token.replace("\"", "").trim();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String describe(Result result) {
        return String.format(Locale.ROOT, "%d requests, %.1f MB in %.2f s", result.requests(),
                result.bytes() / 1e6, result.seconds());
    }
}
