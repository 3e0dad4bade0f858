package io.tributary.customer;

import java.util.List;

/**
 * A customer with its orders (most recent first), its accounts at source systems (the source records it was read
 * from, by connection and external id) and, for a caller who sees every store, its merges.
 */
public record CustomerDetail(CustomerView customer, List<CustomerOrder> orders, List<CustomerAccount> accounts,
        List<CustomerMerge> merges) {}
