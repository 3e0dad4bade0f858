package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.TestHttpClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain java.net.http client for tests against a {@link FakeWooCommerce}. */
final class WooTestClient extends TestHttpClient {
    private final FakeWooCommerce shop;

    WooTestClient(FakeWooCommerce shop) {
        this.shop = shop;
    }

    /** GET of a path under the site, e.g. {@code wp-json/wc/v3/products?per_page=5}, with no credentials. */
    HttpResponse<String> anonymous(String pathAndQuery) {
        return send(HttpRequest.newBuilder(shop.siteUrl().resolve(pathAndQuery)).GET().build());
    }

    /** GET with HTTP Basic credentials. */
    HttpResponse<String> basic(String pathAndQuery, String key, String secret) {
        String token = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(shop.siteUrl().resolve(pathAndQuery)).header("Authorization", "Basic " + token)
                .GET().build());
    }

    /** GET with the shop's default key over Basic; the shop must believe it is HTTPS. */
    HttpResponse<String> get(String pathAndQuery) {
        return basic(pathAndQuery, shop.consumerKey(), shop.consumerSecret());
    }

    /** GET signed with OAuth 1.0a in the query, against the shop's home URL and scheme. */
    HttpResponse<String> oauth(String path, Map<String, String> parameters, String key, String secret) {
        long now = System.currentTimeMillis() / 1000;
        return oauth(path, parameters, key, secret, now, UUID.randomUUID().toString().replace("-", ""));
    }

    HttpResponse<String> oauth(String path, Map<String, String> parameters, String key, String secret, long timestamp,
            String nonce) {
        String query = WooOAuthSignature.signedQuery("GET", signedUrl(path), parameters, key, secret,
                WooOAuthSignature.HMAC_SHA1, timestamp, nonce);
        return anonymous(path + "?" + query);
    }

    /** The URL WooCommerce signs: its home URL with the scheme it believes, plus the path. */
    String signedUrl(String path) {
        URI home = shop.homeUrl();
        return (shop.isSsl() ? "https" : "http") + "://" + home.getRawAuthority() + "/" + path;
    }


    static int total(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("X-WP-Total").orElseThrow());
    }

    static int totalPages(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("X-WP-TotalPages").orElseThrow());
    }

    /** Every item of a collection, walking {@code page=1..} with the given query (Basic auth). */
    List<JsonNode> all(String path, String query) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1;; page++) {
            HttpResponse<String> response = get(path + "?" + query + "&page=" + page);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            JsonNode array = json(response);
            array.forEach(items::add);
            if (page >= totalPages(response)) {
                return items;
            }
        }
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
