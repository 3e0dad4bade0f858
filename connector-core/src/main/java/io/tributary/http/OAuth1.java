package io.tributary.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces of OAuth 1.0a request signing that do not depend on the system: RFC 3986 percent-encoding as RFC 5849
 * §3.6 requires it, the HMAC of a base string, and nonces. Each connector builds its own base string and signing
 * key (WooCommerce and Magento differ there).
 */
public final class OAuth1 {
    private static final char[] NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuth1() {}

    /**
     * RFC 3986 §2.1 as RFC 5849 §3.6 requires (and PHP's {@code rawurlencode} does): UTF-8, everything but
     * {@code A-Z a-z 0-9 - . _ ~} as upper-case {@code %XX}, a space as {@code %20}.
     */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Base64 of the HMAC ({@code HmacSHA1}, {@code HmacSHA256}) of a base string under a signing key. */
    public static String hmacBase64(String jcaAlgorithm, String key, String baseString) {
        try {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm + " is missing from this JVM", e);
        }
    }

    /** 32 random letters and digits. */
    public static String nonce() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = NONCE_CHARS[RANDOM.nextInt(NONCE_CHARS.length)];
        }
        return new String(chars);
    }
}
