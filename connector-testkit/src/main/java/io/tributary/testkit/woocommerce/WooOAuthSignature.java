package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth 1.0a one-legged signature exactly as WooCommerce checks it in
 * {@code WC_REST_Authentication::check_oauth_signature()} (trunk, unchanged since WooCommerce 3.x):
 * <ol>
 *   <li>the parameters (query, plus {@code Authorization: OAuth} header values, minus
 *       {@code oauth_signature}) are sorted by their raw names with byte-wise {@code strcmp},
 *       before any encoding;</li>
 *   <li>each name and value is {@code rawurlencode}d (RFC 3986: space is {@code %20}, {@code ~}
 *       stays), then each {@code name=value} pair is {@code rawurlencode}d once more, so values are
 *       encoded twice ({@code :} becomes {@code %253A}) and {@code =} becomes {@code %3D};</li>
 *   <li>an array parameter {@code a[]=x} is PHP's {@code a[0]=x}, written {@code a%255B0%255D%3Dx};</li>
 *   <li>pairs are joined with {@code %26}; the base string is
 *       {@code METHOD&rawurlencode(home_url + path)&pairs}; the key is {@code secret&}.</li>
 * </ol>
 * For plain scalar parameters this equals RFC 5849; it differs in the sort (raw names, no sort by
 * value, a repeated name keeps only PHP's last value) and in how arrays are named.
 */
public final class WooOAuthSignature {

    public static final String HMAC_SHA1 = "HMAC-SHA1";
    public static final String HMAC_SHA256 = "HMAC-SHA256";

    private WooOAuthSignature() {
    }

    /**
     * The string to sign.
     *
     * @param method the HTTP method
     * @param url scheme, host, port and path, without the query (WordPress's home URL plus the path)
     * @param parameters PHP-style parameters without {@code oauth_signature}: values are
     *     {@code String} or {@code Map<String, Object>} for arrays
     */
    public static String baseString(String method, String url, Map<String, ?> parameters) {
        requireNonNull(method, "method is null");
        requireNonNull(url, "url is null");
        List<String> names = new ArrayList<>(parameters.keySet());
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            join(rawUrlEncode(name), parameters.get(name), pairs);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + rawUrlEncode(url) + "&" + String.join("%26", pairs);
    }

    private static void join(String encodedName, Object value, List<String> pairs) {
        if (value instanceof Map<?, ?> array) {
            for (Map.Entry<?, ?> entry : array.entrySet()) {
                join(encodedName + "%5B" + entry.getKey() + "%5D", entry.getValue(), pairs);
            }
        } else {
            pairs.add(rawUrlEncode(encodedName + "=" + rawUrlEncode(String.valueOf(value))));
        }
    }

    /** Base64 of the HMAC of the base string, keyed with {@code consumerSecret + "&"}. */
    public static String sign(String baseString, String consumerSecret, String signatureMethod) {
        String algorithm = switch (signatureMethod) {
            case HMAC_SHA1 -> "HmacSHA1";
            case HMAC_SHA256 -> "HmacSHA256";
            default -> throw new IllegalArgumentException("unsupported signature method: " + signatureMethod);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC is not available", e);
        }
    }

    /**
     * A signed query string for a request to WooCommerce over plain HTTP, as a client would build
     * it: the given scalar parameters followed by the {@code oauth_*} ones and the signature.
     */
    public static String signedQuery(String method, String url, Map<String, String> parameters, String consumerKey,
            String consumerSecret, String signatureMethod, long timestamp, String nonce) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("oauth_consumer_key", consumerKey);
        all.put("oauth_nonce", nonce);
        all.put("oauth_signature_method", signatureMethod);
        all.put("oauth_timestamp", Long.toString(timestamp));
        String signature = sign(baseString(method, url, all), consumerSecret, signatureMethod);
        all.put("oauth_signature", signature);
        StringBuilder query = new StringBuilder();
        all.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(rawUrlEncode(name)).append('=').append(rawUrlEncode(value)));
        return query.toString();
    }

    /** PHP's {@code rawurlencode}: every byte but {@code A-Z a-z 0-9 - _ . ~} as {@code %XX}. */
    public static String rawUrlEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
