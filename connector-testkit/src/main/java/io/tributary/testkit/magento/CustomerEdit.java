package io.tributary.testkit.magento;

import static java.util.Objects.requireNonNull;

/** Changes to one customer account, applied under the catalogue's lock and saved with a new {@code updated_at}. */
public final class CustomerEdit {
    private final MagentoCatalogue catalogue;
    private final MagentoCustomer customer;

    CustomerEdit(MagentoCatalogue catalogue, MagentoCustomer customer) {
        this.catalogue = catalogue;
        this.customer = customer;
    }

    public CustomerEdit email(String email) {
        customer.email = requireNonNull(email, "email is null");
        return this;
    }

    public CustomerEdit name(String firstname, String lastname) {
        customer.firstname = requireNonNull(firstname, "firstname is null");
        customer.lastname = requireNonNull(lastname, "lastname is null");
        return this;
    }

    /** The default billing address's telephone (an address added as the default when there is none). */
    public CustomerEdit telephone(String telephone) {
        MagentoCustomers.setTelephone(catalogue, customer, requireNonNull(telephone, "telephone is null"));
        return this;
    }
}
