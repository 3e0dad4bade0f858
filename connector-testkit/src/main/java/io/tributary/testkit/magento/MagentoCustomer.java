package io.tributary.testkit.magento;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code customer_entity} with its addresses ({@code customer_address_entity}). The customer itself has no
 * telephone: only its addresses do, and {@code default_billing} / {@code default_shipping} name two of them by id.
 */
final class MagentoCustomer {
    /** One address of the customer's address book. */
    record Address(int id, String firstname, String lastname, String[] place, String telephone) {
    }

    final int id;
    String email;
    String firstname;
    String lastname;
    int storeId = 1;
    int websiteId = 1;
    int groupId = 1;
    long createdAt;
    long updatedAt;
    final List<Address> addresses = new ArrayList<>();
    /** The ids of the default billing and shipping addresses; null: none. */
    Integer defaultBilling;
    Integer defaultShipping;
    /** Applied to the JSON served for this customer (a damaged record); null: none. */
    java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> damage;

    MagentoCustomer(int id) {
        this.id = id;
    }
}
