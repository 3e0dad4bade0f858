package io.tributary.testkit.woocommerce;

/** A product category term. */
record WooCategory(int id, String name, String slug) {
}
