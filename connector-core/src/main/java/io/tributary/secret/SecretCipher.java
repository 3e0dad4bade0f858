package io.tributary.secret;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secrets at rest. Every value gets a fresh 12-byte nonce from {@link SecureRandom} and a
 * 128-bit tag; the caller's associated data (for example {@code connection:7}) binds a ciphertext to its row so
 * it cannot be moved to another. Stored form: {@code v1:<key id>:<base64(nonce || ciphertext || tag)>}.
 * Thread-safe.
 */
public final class SecretCipher {
    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final java.util.function.Supplier<MasterKey> source;
    private final SecureRandom random = new SecureRandom();
    private MasterKey loaded;

    public SecretCipher(MasterKey key) {
        requireNonNull(key, "key is null");
        this.source = () -> key;
    }

    private SecretCipher(java.util.function.Supplier<MasterKey> source) {
        this.source = source;
    }

    /**
     * A cipher that loads its key on the first encryption or decryption, so work that touches no secret (a
     * listing) runs without the key, and a missing or wrong key is reported only where a secret is needed.
     */
    public static SecretCipher loadingKeyOnFirstUse(java.util.function.Supplier<MasterKey> source) {
        return new SecretCipher(requireNonNull(source, "source is null"));
    }

    public synchronized MasterKey key() {
        if (loaded == null) {
            loaded = requireNonNull(source.get(), "the key source gave no key");
        }
        return loaded;
    }

    public String encrypt(String plaintext, String associatedData) {
        requireNonNull(plaintext, "plaintext is null");
        MasterKey key = key();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String decrypt(String stored, String associatedData) {
        requireNonNull(stored, "stored is null");
        MasterKey key = key();
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new SecretsException("A stored secret is not in Tributary's encrypted format; the database may have been "
                    + "edited by hand.");
        }
        if (!parts[1].equals(key.id())) {
            throw new SecretsException("The stored secrets were encrypted with master key " + parts[1]
                    + ", but the key in use (from " + key.source() + ") is " + key.id() + ". Use the original key "
                    + "(TRIBUTARY_MASTER_KEY or TRIBUTARY_MASTER_KEY_FILE).");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretsException("A stored secret is damaged (not base64).");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretsException("A stored secret is damaged (too short).");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretsException("A stored secret could not be decrypted with master key " + key.id()
                    + ": the value was altered or belongs to another record.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
