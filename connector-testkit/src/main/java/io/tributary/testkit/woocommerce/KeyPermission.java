package io.tributary.testkit.woocommerce;

/** What a WooCommerce REST API key may do, as chosen when the key is made. */
public enum KeyPermission {
    READ, WRITE, READ_WRITE;

    boolean canRead() {
        return this != WRITE;
    }

    boolean canWrite() {
        return this != READ;
    }
}
