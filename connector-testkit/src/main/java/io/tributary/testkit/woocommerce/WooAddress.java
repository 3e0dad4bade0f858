package io.tributary.testkit.woocommerce;

/** A billing or shipping address; email is empty on shipping addresses. */
record WooAddress(String firstName, String lastName, String company, String address1, String address2, String city,
        String state, String postcode, String country, String email, String phone) {
}
