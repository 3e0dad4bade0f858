package io.tributary.customer;

import java.util.List;

/** A customer with its orders (most recent first) and, for a caller who sees every store, its merges. */
public record CustomerDetail(CustomerView customer, List<CustomerOrder> orders, List<CustomerMerge> merges) {}
