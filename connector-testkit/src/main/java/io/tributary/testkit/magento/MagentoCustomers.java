package io.tributary.testkit.magento;

import static io.tributary.testkit.SeedWindow.DAY;
import static io.tributary.testkit.SeedWindow.END;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.SeedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The shop's customer accounts, as {@code GET /V1/customers/search} serves them ({@code CustomerInterface}, with its
 * {@code addresses}). Seeded after the orders, from their own random stream, so the products and orders of a seed stay
 * what they were: one account per customer id the orders name (in order id order, with that first order's e-mail,
 * names, store and billing telephone) and {@value #WITHOUT_ORDERS} accounts that never ordered. Every other account's
 * e-mail is written in another case than at checkout (all capitals, or a capital first letter). Address books vary
 * by id: none, one default address, a shipping address before the default billing one (each with its own telephone),
 * or one address that is no default. Then groups of accounts share one {@code updated_at} second, as a mass update or
 * an import gives them. Call under the catalogue's write lock.
 */
final class MagentoCustomers {
    static final int WITHOUT_ORDERS = 3;

    private MagentoCustomers() {
    }

    static void seed(long seed, MagentoCatalogue catalogue) {
        Random rnd = SeedWindow.random(seed, 3);
        List<MagentoCustomer> all = new ArrayList<>();
        int[] addressId = {catalogue.allocateAddressId()};
        for (MagentoOrder order : catalogue.orders().values()) {
            if (order.customerId == null || catalogue.customers().containsKey(order.customerId)) {
                continue;
            }
            MagentoCustomer customer = new MagentoCustomer(order.customerId);
            customer.email = switch (customer.id % 4) {
                case 0 -> order.customerEmail.toUpperCase(Locale.ROOT);
                case 2 -> order.customerEmail.substring(0, 1).toUpperCase(Locale.ROOT) + order.customerEmail.substring(1);
                default -> order.customerEmail;
            };
            customer.firstname = order.customerFirstname;
            customer.lastname = order.customerLastname;
            customer.storeId = order.storeId;
            customer.createdAt = order.createdAt - DAY; // registered the day before its first order
            customer.updatedAt = customer.id % 3 == 0 ? customer.createdAt
                    : customer.createdAt + 1 + rnd.nextInt((int) DAY - 1);
            addresses(customer, order.place, addressId);
            catalogue.customers().put(customer.id, customer);
            all.add(customer);
        }
        SeedWindow.massUpdates(rnd, all, c -> c.createdAt, (c, when) -> c.updatedAt = when);
        for (int i = 0; i < WITHOUT_ORDERS; i++) {
            long created = END - DAY * (10 - i);
            add(catalogue, "registered.only" + (i + 1) + "@example.org", "Reg" + (i + 1), "Only",
                    i == 0 ? null : "+33 6 10 20 30 4" + i, created);
        }
    }

    /** The address book of a seeded account, by its id: see the class. */
    private static void addresses(MagentoCustomer customer, String[] place, int[] addressId) {
        String[] other = MagentoSeedWords.PLACES.get(Math.floorMod(customer.id, MagentoSeedWords.PLACES.size()));
        switch (customer.id % 5) {
            case 0 -> { } // no address book
            case 1, 4 -> {
                MagentoCustomer.Address address = address(customer, place, place[5], addressId);
                customer.defaultBilling = address.id();
                customer.defaultShipping = address.id();
            }
            case 2 -> {
                MagentoCustomer.Address shipping = address(customer, other, "+33 1 40 00 " + String.format(Locale.ROOT,
                        "%02d %02d", customer.id / 100 % 100, customer.id % 100), addressId);
                MagentoCustomer.Address billing = address(customer, place, place[5], addressId);
                customer.defaultShipping = shipping.id();
                customer.defaultBilling = billing.id();
            }
            default -> address(customer, place, place[5], addressId); // saved, never made a default
        }
    }

    private static MagentoCustomer.Address address(MagentoCustomer customer, String[] place, String telephone,
            int[] addressId) {
        MagentoCustomer.Address address = new MagentoCustomer.Address(addressId[0]++, customer.firstname,
                customer.lastname, place, telephone);
        customer.addresses.add(address);
        return address;
    }

    /** An account registered at {@code created}, with one default address when a telephone is given; its id. */
    static int add(MagentoCatalogue catalogue, String email, String firstname, String lastname, String telephone,
            long created) {
        MagentoCustomer customer = new MagentoCustomer(catalogue.allocateCustomerId());
        customer.email = email;
        customer.firstname = firstname;
        customer.lastname = lastname;
        customer.createdAt = created;
        customer.updatedAt = created;
        if (telephone != null) {
            setTelephone(catalogue, customer, telephone);
        }
        catalogue.customers().put(customer.id, customer);
        return customer.id;
    }

    /** The default billing address's telephone becomes {@code telephone}; a customer without one gets one. */
    static void setTelephone(MagentoCatalogue catalogue, MagentoCustomer customer, String telephone) {
        for (int i = 0; i < customer.addresses.size(); i++) {
            MagentoCustomer.Address a = customer.addresses.get(i);
            if (customer.defaultBilling != null && a.id() == customer.defaultBilling) {
                customer.addresses.set(i, new MagentoCustomer.Address(a.id(), a.firstname(), a.lastname(), a.place(),
                        telephone));
                return;
            }
        }
        MagentoCustomer.Address added = new MagentoCustomer.Address(catalogue.allocateAddressId(), customer.firstname,
                customer.lastname, MagentoSeedWords.PLACES.get(0), telephone);
        customer.addresses.add(added);
        customer.defaultBilling = added.id();
        if (customer.defaultShipping == null) {
            customer.defaultShipping = added.id();
        }
    }

    /**
     * {@code CustomerInterface} as the REST renderer writes it: {@code default_billing} and {@code default_shipping}
     * as address ids in strings, present only when set; each address with {@code default_billing} /
     * {@code default_shipping} {@code true} only on the default one (a false flag is left out, as null getters are).
     */
    static ObjectNode json(MagentoCustomer c, List<MagentoStore> stores) {
        ObjectNode json = MagentoJson.NODES.objectNode();
        json.put("id", c.id);
        json.put("group_id", c.groupId);
        if (c.defaultBilling != null) {
            json.put("default_billing", Integer.toString(c.defaultBilling));
        }
        if (c.defaultShipping != null) {
            json.put("default_shipping", Integer.toString(c.defaultShipping));
        }
        json.put("created_at", MagentoJson.time(c.createdAt));
        json.put("updated_at", MagentoJson.time(c.updatedAt));
        json.put("created_in", stores.stream().filter(s -> s.id() == c.storeId).map(MagentoStore::name).findFirst()
                .orElse("Default Store View"));
        json.put("email", c.email);
        json.put("firstname", c.firstname);
        json.put("lastname", c.lastname);
        json.put("gender", 0);
        json.put("store_id", c.storeId);
        json.put("website_id", c.websiteId);
        ArrayNode addresses = json.putArray("addresses");
        for (MagentoCustomer.Address a : c.addresses) {
            ObjectNode address = addresses.addObject();
            address.put("id", a.id());
            address.put("customer_id", c.id);
            address.putObject("region").put("region_code", a.place()[2]).put("region", a.place()[2])
                    .put("region_id", 0);
            address.put("region_id", 0);
            address.put("country_id", a.place()[4]);
            address.putArray("street").add(a.place()[0]);
            address.put("telephone", a.telephone());
            address.put("postcode", a.place()[3]);
            address.put("city", a.place()[1]);
            address.put("firstname", a.firstname());
            address.put("lastname", a.lastname());
            if (c.defaultShipping != null && a.id() == c.defaultShipping) {
                address.put("default_shipping", true);
            }
            if (c.defaultBilling != null && a.id() == c.defaultBilling) {
                address.put("default_billing", true);
            }
        }
        json.put("disable_auto_group_change", 0);
        json.putObject("extension_attributes").put("is_subscribed", false);
        if (c.damage != null) {
            c.damage.accept(json);
        }
        return json;
    }
}
