package io.tributary.woocommerce;

import static io.tributary.http.OAuth1.percentEncode;

import io.tributary.http.OAuth1;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * OAuth 1.0a "one-legged" signing as WooCommerce checks it on plain-http sites ({@code check_oauth_signature}
 * in {@code class-wc-rest-authentication.php}): parameters sorted by name byte-wise ({@code strcmp}), each name
 * and value percent-encoded (RFC 3986), each {@code name=value} pair encoded again and the pairs joined with
 * {@code %26} — for plain parameters the same base string as RFC 5849, so a value such as a date ends up encoded
 * twice ({@code :} becomes {@code %253A}). (WooCommerce before ~3.2 encoded values only once.) Signing key: the
 * consumer secret followed by {@code &}; no token; no {@code oauth_version}.
 */
final class WooCommerceOAuthSigner {
    static final String METHOD = "HMAC-SHA256";

    private WooCommerceOAuthSigner() {}

    /** The URL with {@code oauth_*} parameters and the signature added. */
    static HttpUrl sign(String method, HttpUrl url, String consumerKey, String consumerSecret, long timestampSeconds) {
        HttpUrl withOauth = url.newBuilder()
                .addQueryParameter("oauth_consumer_key", consumerKey)
                .addQueryParameter("oauth_nonce", OAuth1.nonce())
                .addQueryParameter("oauth_signature_method", METHOD)
                .addQueryParameter("oauth_timestamp", Long.toString(timestampSeconds))
                .build();
        String signature = signature(method, withOauth, consumerSecret);
        return withOauth.newBuilder().addQueryParameter("oauth_signature", signature).build();
    }

    /** The signature of a request whose URL already carries every parameter except {@code oauth_signature}. */
    static String signature(String method, HttpUrl url, String consumerSecret) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            parameters.add(Map.entry(url.queryParameterName(i), value == null ? "" : value));
        }
        parameters.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey(), WooCommerceOAuthSigner::strcmp));
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters) {
            pairs.add(percentEncode(percentEncode(parameter.getKey()) + "=" + percentEncode(parameter.getValue())));
        }
        String baseUri = url.newBuilder().query(null).fragment(null).build().toString();
        String base = method.toUpperCase(Locale.ROOT) + "&" + percentEncode(baseUri) + "&" + String.join("%26", pairs);
        return OAuth1.hmacBase64("HmacSHA256", consumerSecret + "&", base);
    }

    /** PHP's {@code strcmp}: byte-wise on UTF-8. */
    private static int strcmp(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int diff = (x[i] & 0xff) - (y[i] & 0xff);
            if (diff != 0) {
                return diff;
            }
        }
        return x.length - y.length;
    }
}
