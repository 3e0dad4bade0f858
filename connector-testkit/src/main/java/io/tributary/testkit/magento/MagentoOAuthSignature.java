package io.tributary.testkit.magento;

import io.tributary.testkit.http.QueryString;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of an OAuth 1.0a request signature, as Magento collects the parameters
 * ({@code Magento\Framework\Oauth\Helper\Request}): the {@code oauth_*} values from the {@code Authorization}
 * header (each {@code rawurldecode}d, quotes stripped), plus every {@code name=value} pair of the raw query
 * string that is not an {@code oauth_*} one, {@code rawurldecode}d (a {@code +} stays a plus; a part with no
 * or two {@code =} is ignored; a repeated name keeps its last value). The base string and key then follow
 * RFC 5849 §3.4 strictly: parameters percent-encoded per RFC 3986 and sorted by encoded name then value in
 * byte order; the URL normalized (lower-case scheme and host, no default port, no query). Laminas, which
 * Magento signs with, sorts names with PHP's {@code strnatcmp} instead; the two orders agree unless a
 * parameter name holds a number of two or more digits where another holds a shorter one ({@code [10]} vs
 * {@code [2]}).
 */
public final class MagentoOAuthSignature {

    public static final String HMAC_SHA1 = "HMAC-SHA1";
    public static final String HMAC_SHA256 = "HMAC-SHA256";

    private MagentoOAuthSignature() {
    }

    /** The {@code oauth_*} parameters of an {@code Authorization: OAuth ...} header; empty when it is not one. */
    public static Map<String, String> headerParameters(String authorization) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (authorization == null) {
            return parameters;
        }
        int start = authorization.toLowerCase(Locale.ROOT).indexOf("oauth ");
        if (start < 0) {
            return parameters;
        }
        for (String part : authorization.substring(start + 6).split(",")) {
            String[] nameAndValue = part.trim().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].startsWith("oauth_")) {
                parameters.put(QueryString.rawDecode(nameAndValue[0]), QueryString.rawDecode(strip(nameAndValue[1])));
            }
        }
        return parameters;
    }

    private static String strip(String quoted) {
        String value = quoted.trim();
        if (value.startsWith("\"")) {
            value = value.substring(1);
        }
        return value.endsWith("\"") ? value.substring(0, value.length() - 1) : value;
    }

    /** The non-OAuth query parameters as Magento's signature check reads them. */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String part : rawQuery.split("&", -1)) {
            String[] nameAndValue = part.split("=", -1);
            if (nameAndValue.length == 2 && !nameAndValue[0].startsWith("oauth_")) {
                parameters.put(QueryString.rawDecode(nameAndValue[0]), QueryString.rawDecode(nameAndValue[1]));
            }
        }
        return parameters;
    }

    /** RFC 5849 §3.4.1: {@code METHOD&url&parameters}, every parameter but {@code oauth_signature}. */
    public static String baseString(String method, String url, Map<String, String> parameters) {
        List<String[]> encoded = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (!name.equals("oauth_signature") && !name.equals("realm")) {
                encoded.add(new String[] {encode(name), encode(value)});
            }
        });
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> pairs = new ArrayList<>();
        encoded.forEach(pair -> pairs.add(pair[0] + "=" + pair[1]));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(normalizeUrl(url)) + "&" + encode(String.join("&", pairs));
    }

    /** RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the scheme's default. */
    public static String normalizeUrl(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** The base64 HMAC of the base string with the key {@code consumerSecret&tokenSecret}. */
    public static String sign(String method, String baseString, String consumerSecret, String tokenSecret) {
        String algorithm = switch (method) {
            case HMAC_SHA1 -> "HmacSHA1";
            case HMAC_SHA256 -> "HmacSHA256";
            default -> throw new IllegalArgumentException("unsupported signature method " + method);
        };
        String key = encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    /** RFC 3986 percent-encoding of UTF-8, everything but unreserved characters, upper-case hex. */
    public static String encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.writeBytes(String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
