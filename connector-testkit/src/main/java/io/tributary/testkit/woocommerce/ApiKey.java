package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

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
    }

    @Override
    public String toString() {
        return "ApiKey[" + consumerKey + ", secret=***, " + permission + ", " + role + "]";
    }
}
