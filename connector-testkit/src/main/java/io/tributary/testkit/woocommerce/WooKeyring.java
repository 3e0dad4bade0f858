package io.tributary.testkit.woocommerce;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shop's API keys and, per key, the OAuth nonces seen in the last 15 minutes. Like
 * WooCommerce's {@code nonces} column, nonces are stored by timestamp, so two requests signed in
 * the same second keep only the later nonce.
 */
final class WooKeyring {

    static final long NONCE_WINDOW_SECONDS = 15 * 60;

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, String>> nonces = new ConcurrentHashMap<>();

    void add(ApiKey key) {
        keys.put(key.consumerKey(), key);
        nonces.put(key.consumerKey(), new LinkedHashMap<>());
    }

    void replace(ApiKey key) {
        keys.put(key.consumerKey(), key);
    }

    /** The key, found the way WooCommerce does after {@code sanitize_text_field()} (trimmed). */
    Optional<ApiKey> find(String consumerKey) {
        return Optional.ofNullable(keys.get(consumerKey.trim()));
    }

    /** Records the nonce; false when it was already used within the window. */
    boolean useNonce(ApiKey key, long timestamp, String nonce, long now) {
        Map<Long, String> used = nonces.computeIfAbsent(key.consumerKey(), ignored -> new LinkedHashMap<>());
        synchronized (used) {
            if (used.containsValue(nonce)) {
                return false;
            }
            used.put(timestamp, nonce);
            for (Iterator<Long> it = used.keySet().iterator(); it.hasNext();) {
                if (it.next() < now - NONCE_WINDOW_SECONDS) {
                    it.remove();
                }
            }
            return true;
        }
    }
}
