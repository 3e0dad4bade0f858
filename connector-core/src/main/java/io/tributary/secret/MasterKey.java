package io.tributary.secret;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts stored secrets, with a short public id (derived from the key by SHA-256) that
 * is stored next to every ciphertext, so a wrong key is recognised at once instead of producing garbage.
 */
public final class MasterKey {
    public static final int LENGTH = 32;
    private final byte[] key;
    private final String id;
    private final String source;

    private MasterKey(byte[] key, String source) {
        if (key.length != LENGTH) {
            throw new SecretsException("The master key from " + source + " must be " + LENGTH + " bytes (base64 of 32 "
                    + "random bytes, e.g. from `openssl rand -base64 32`); it has " + key.length + ".");
        }
        this.key = key.clone();
        this.id = idOf(this.key);
        this.source = requireNonNull(source, "source is null");
    }

    /** Decodes a base64 key; {@code source} names where it came from, for error messages. */
    public static MasterKey fromBase64(String base64, String source) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()), source);
        } catch (IllegalArgumentException e) {
            throw new SecretsException("The master key from " + source + " is not valid base64; it must be the "
                    + "base64 of 32 random bytes (e.g. from `openssl rand -base64 32`).");
        }
    }

    public static MasterKey generate(String source) {
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes, source);
    }

    /** The key's public id: 8 hex digits of a SHA-256 over the key. Safe to log and store. */
    public String id() {
        return id;
    }

    /** Where the key came from, e.g. {@code TRIBUTARY_MASTER_KEY} or a file path. */
    public String source() {
        return source;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("tributary-master-key-id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(key), 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + ", source=" + source + "]";
    }
}
