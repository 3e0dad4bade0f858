package io.tributary.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** Keeps credentials out of what is logged or shown: redacts credential query parameters and auth headers. */
public final class Redaction {
    /** Query parameters that carry credentials in one of the supported systems. */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of(
            "consumer_key", "consumer_secret", "oauth_consumer_key", "oauth_signature", "oauth_token",
            "oauth_nonce", "access_token", "token", "api_key", "apikey", "key", "password", "secret",
            "client_id", "client_secret");
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-wp-nonce");

    private Redaction() {}

    /** Words that mark a name as carrying a credential wherever they occur in it (X-Shopify-Access-Token, X-Goog-Signature). */
    private static final List<String> CREDENTIAL_WORDS = List.of("token", "secret", "signature", "password");

    public static boolean isCredentialParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_PARAMETERS.contains(lower) || containsCredentialWord(lower);
    }

    public static boolean isCredentialHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(lower) || containsCredentialWord(lower);
    }

    private static boolean containsCredentialWord(String lowerCaseName) {
        return CREDENTIAL_WORDS.stream().anyMatch(lowerCaseName::contains);
    }

    /** The URL with every credential query parameter's value replaced by {@code ****}. */
    public static String redacted(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder().username("").password("").query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            builder.addEncodedQueryParameter(encode(name), isCredentialParameter(name) ? "****" : encode(value));
        }
        return builder.build().toString();
    }

    private static String encode(String text) {
        return text == null ? null : java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Scheme, host, port and path only. */
    public static String withoutQuery(HttpUrl url) {
        return url.newBuilder().query(null).fragment(null).username("").password("").build().toString();
    }
}
