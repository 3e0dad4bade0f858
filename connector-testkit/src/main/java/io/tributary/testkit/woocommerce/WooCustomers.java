package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop's registered customers (WordPress users of role {@code customer}), as {@code GET /wc/v3/customers} serves
 * them. Seeded from the seeded orders: one account per registered customer id among them, with that order's billing
 * details — its e-mail written in another case for every other account, as a customer types it differently at
 * registration and at checkout — and {@value #WITHOUT_ORDERS} accounts that never ordered. An account never edited
 * since it registered has no {@code date_modified} (as WooCommerce serves one without a {@code last_update}). Guarded
 * by the catalogue's lock.
 */
final class WooCustomers {
    static final int WITHOUT_ORDERS = 3;
    /** Ids of accounts that never ordered start here, past the seeded orders' customer ids (2..801). */
    static final int FIRST_WITHOUT_ORDERS = 5001;

    static final class WooCustomer {
        final int id;
        String email;
        String firstName;
        String lastName;
        String phone;
        long createdGmt;
        Long modifiedGmt; // null: never edited since it registered

        WooCustomer(int id) {
            this.id = id;
        }
    }

    private final WooTime time;
    private final Map<Integer, WooCustomer> byId = new TreeMap<>();
    private int nextId = FIRST_WITHOUT_ORDERS;

    WooCustomers(WooTime time) {
        this.time = time;
    }

    /** The accounts of the seeded orders' registered customers, and some that never ordered. */
    void seed(WooCatalogue catalogue) {
        for (WooOrder order : catalogue.orders().values()) {
            if (order.customerId <= 0 || byId.containsKey(order.customerId)) {
                continue;
            }
            WooCustomer customer = new WooCustomer(order.customerId);
            String email = order.billing.email();
            customer.email = customer.id % 2 == 0 ? email.substring(0, 1).toUpperCase(Locale.ROOT)
                    + email.substring(1).toUpperCase(Locale.ROOT) : email;
            customer.firstName = order.billing.firstName();
            customer.lastName = order.billing.lastName();
            customer.phone = order.billing.phone();
            customer.createdGmt = order.createdGmt - 86_400; // registered the day before the first order seen
            customer.modifiedGmt = customer.id % 3 == 0 ? null : order.createdGmt - 3_600;
            byId.put(customer.id, customer);
        }
        long now = catalogue.clock().instant().getEpochSecond();
        for (int i = 0; i < WITHOUT_ORDERS; i++) {
            add("registered.only" + (i + 1) + "@example.org", "Reg" + (i + 1), "Only", i == 0 ? "" : "06 10 20 30 4" + i,
                    now - 86_400L * (10 - i));
        }
    }

    int add(String email, String firstName, String lastName, String phone, long createdGmt) {
        WooCustomer customer = new WooCustomer(nextId++);
        customer.email = email;
        customer.firstName = firstName;
        customer.lastName = lastName;
        customer.phone = phone;
        customer.createdGmt = createdGmt;
        customer.modifiedGmt = createdGmt;
        byId.put(customer.id, customer);
        return customer.id;
    }

    WooCustomer get(int id) {
        return byId.get(id);
    }

    List<WooCustomer> all() {
        return new ArrayList<>(byId.values());
    }

    void delete(int id) {
        byId.remove(id);
    }

    /** WC_REST_Customers_Controller::prepare_item_for_response, the fields a connector reads and their neighbours. */
    ObjectNode json(WooCustomer c, String homeUrl) {
        ObjectNode json = WooJson.NODES.objectNode();
        json.put("id", c.id);
        json.put("date_created", WooTime.format(time.local(c.createdGmt)));
        json.put("date_created_gmt", WooTime.format(c.createdGmt));
        if (c.modifiedGmt == null) {
            json.putNull("date_modified");
            json.putNull("date_modified_gmt");
        } else {
            json.put("date_modified", WooTime.format(time.local(c.modifiedGmt)));
            json.put("date_modified_gmt", WooTime.format(c.modifiedGmt));
        }
        json.put("email", c.email);
        json.put("first_name", c.firstName);
        json.put("last_name", c.lastName);
        json.put("role", "customer");
        json.put("username", c.email.substring(0, c.email.indexOf('@')).toLowerCase(Locale.ROOT));
        ObjectNode billing = json.putObject("billing");
        billing.put("first_name", c.firstName).put("last_name", c.lastName).put("company", "").put("address_1", "")
                .put("address_2", "").put("city", "").put("state", "").put("postcode", "").put("country", "FR")
                .put("email", c.email.toLowerCase(Locale.ROOT)).put("phone", c.phone);
        ObjectNode shipping = json.putObject("shipping");
        shipping.put("first_name", c.firstName).put("last_name", c.lastName).put("company", "").put("address_1", "")
                .put("address_2", "").put("city", "").put("state", "").put("postcode", "").put("country", "FR")
                .put("phone", "");
        json.put("is_paying_customer", c.id < FIRST_WITHOUT_ORDERS);
        json.put("avatar_url", "https://secure.gravatar.com/avatar/?s=96&d=mm&r=g");
        json.putArray("meta_data");
        ObjectNode links = json.putObject("_links");
        links.putArray("self").addObject().put("href", homeUrl + "wp-json/wc/v3/customers/" + c.id);
        links.putArray("collection").addObject().put("href", homeUrl + "wp-json/wc/v3/customers");
        return json;
    }
}
