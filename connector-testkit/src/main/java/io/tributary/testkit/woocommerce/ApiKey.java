package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.SeedWindow;
import io.tributary.testkit.leaks.CredentialWatch;
import java.util.HexFormat;
import java.util.Random;

/**
 * A WooCommerce REST API key: {@code ck_} consumer key, {@code cs_} secret, permission and the
 * role of the user it belongs to. {@link #toString()} hides the secret.
 */
public record ApiKey(String consumerKey, String consumerSecret, KeyPermission permission, WooUserRole role) {

    public ApiKey {
        requireNonNull(consumerKey, "consumerKey is null");
        requireNonNull(consumerSecret, "consumerSecret is null");
        requireNonNull(permission, "permission is null");
        requireNonNull(role, "role is null");
        if (consumerKey.isBlank() || consumerSecret.isBlank()) {
            throw new IllegalArgumentException("consumer key and secret must not be blank");
        }
        CredentialWatch.secret(consumerSecret);
    }

    /** The read_write key of a shop manager that a fake shop makes at start; the same for the same seed. */
    static ApiKey generated(long seed) {
        Random rnd = SeedWindow.random(seed, 7);
        byte[] key = new byte[20];
        byte[] secret = new byte[20];
        rnd.nextBytes(key);
        rnd.nextBytes(secret);
        return new ApiKey("ck_" + HexFormat.of().formatHex(key), "cs_" + HexFormat.of().formatHex(secret),
                KeyPermission.READ_WRITE, WooUserRole.SHOP_MANAGER);
    }

    @Override
    public String toString() {
        return "ApiKey[" + consumerKey + ", secret=***, " + permission + ", " + role + "]";
    }
}
