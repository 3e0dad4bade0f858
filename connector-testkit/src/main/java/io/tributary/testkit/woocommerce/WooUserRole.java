package io.tributary.testkit.woocommerce;

/**
 * The capabilities of the WordPress user a key belongs to; the key cannot do more than its user.
 */
public enum WooUserRole {
    /** {@code manage_woocommerce} and every read capability: a shop manager or administrator. */
    SHOP_MANAGER,
    /** Can read products and orders ({@code read_private_products}, {@code read_private_shop_orders}) but is no manager. */
    READER,
    /** No shop capability at all, like a customer account: lists answer 403. */
    CUSTOMER;

    boolean canReadShop() {
        return this != CUSTOMER;
    }

    boolean isManager() {
        return this == SHOP_MANAGER;
    }
}
