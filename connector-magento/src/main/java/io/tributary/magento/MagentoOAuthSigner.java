package io.tributary.magento;

import static io.tributary.http.OAuth1.percentEncode;
import static java.util.Objects.requireNonNull;

import io.tributary.http.OAuth1;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * OAuth 1.0a request signing by RFC 5849, as a Magento integration needs it: the {@code oauth_*} protocol
 * parameters and every query parameter (all the {@code searchCriteria[...]} ones included) percent-encoded by
 * RFC 3986 §2.1 — UTF-8, everything but unreserved characters as upper-case {@code %XX}, a space as
 * {@code %20} — sorted by name then value in byte order and joined into the §3.4.1 base string with the
 * method and the normalized URL; signed with HMAC over the key {@code consumerSecret&tokenSecret}; sent in an
 * {@code Authorization: OAuth ...} header (§3.5.1). The query is parsed from the URL exactly as sent, so what is
 * signed is what goes on the wire. Written here rather than taken from a library: the maintained Java OAuth 1.0a
 * libraries come with their own HTTP client abstraction, and this is ~100 lines checked against RFC 5849's own
 * example and against values computed with Python's {@code hmac}.
 */
final class MagentoOAuthSigner {

    /** A signature method: its OAuth name and its JCA MAC algorithm. */
    enum Method {
        HMAC_SHA1("HMAC-SHA1", "HmacSHA1"),
        HMAC_SHA256("HMAC-SHA256", "HmacSHA256");

        final String oauthName;
        final String jcaName;

        Method(String oauthName, String jcaName) {
            this.oauthName = oauthName;
            this.jcaName = jcaName;
        }
    }

    private final Method method;

    MagentoOAuthSigner(Method method) {
        this.method = requireNonNull(method, "method is null");
    }

    /** The {@code Authorization} header value for a request, with a fresh nonce. */
    String authorization(String httpMethod, HttpUrl url, MagentoCredentials.Integration keys, long timestamp) {
        return authorization(httpMethod, url, keys, timestamp, OAuth1.nonce());
    }

    String authorization(String httpMethod, HttpUrl url, MagentoCredentials.Integration keys, long timestamp,
            String nonce) {
        List<Map.Entry<String, String>> oauth = new ArrayList<>(List.of(
                Map.entry("oauth_consumer_key", keys.consumerKey().reveal()),
                Map.entry("oauth_nonce", nonce),
                Map.entry("oauth_signature_method", method.oauthName),
                Map.entry("oauth_timestamp", Long.toString(timestamp)),
                Map.entry("oauth_token", keys.accessToken().reveal()),
                Map.entry("oauth_version", "1.0")));
        List<Map.Entry<String, String>> all = new ArrayList<>(oauth);
        all.addAll(queryParameters(url));
        String base = baseString(httpMethod, url, all);
        oauth.add(Map.entry("oauth_signature", signature(method, base, keys.consumerSecret().reveal(),
                keys.accessTokenSecret().reveal())));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> parameter : oauth) {
            parts.add(percentEncode(parameter.getKey()) + "=\"" + percentEncode(parameter.getValue()) + "\"");
        }
        return "OAuth " + String.join(", ", parts);
    }

    /** RFC 5849 §3.4.1.3.1: the query's name/value pairs decoded as form data ({@code +} is a space). */
    static List<Map.Entry<String, String>> queryParameters(HttpUrl url) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        String query = url.encodedQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            parameters.add(Map.entry(decode(name), decode(value)));
        }
        return parameters;
    }

    /** RFC 5849 §3.4.1: {@code METHOD&encode(base URI)&encode(normalized parameters)}. */
    static String baseString(String httpMethod, HttpUrl url, List<Map.Entry<String, String>> parameters) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters) {
            encoded.add(new String[] {percentEncode(parameter.getKey()), percentEncode(parameter.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        List<String> pairs = new ArrayList<>();
        for (String[] pair : encoded) {
            pairs.add(pair[0] + "=" + pair[1]);
        }
        return httpMethod.toUpperCase(Locale.ROOT) + "&" + percentEncode(baseUri(url)) + "&" + percentEncode(String.join("&", pairs));
    }

    /** RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when not the default, the path as sent. */
    static String baseUri(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme().toLowerCase(Locale.ROOT) + "://" + url.host().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + url.port()) + url.encodedPath();
    }

    /** RFC 5849 §3.4.2/§3.4.3 style: base64 of the HMAC of the base string under {@code encode(cs)&encode(ts)}. */
    static String signature(Method method, String baseString, String consumerSecret, String tokenSecret) {
        return OAuth1.hmacBase64(method.jcaName, percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret), baseString);
    }

    /** Form decoding: {@code %XX} is a byte of UTF-8, {@code +} a space. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
