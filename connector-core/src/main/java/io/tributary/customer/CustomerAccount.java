package io.tributary.customer;

import java.time.Instant;

/**
 * One account of a customer at a source system ({@code customer_source}), as a customer's page lists it.
 *
 * @param phone     in E.164 when libphonenumber can read it in the store's country, as written otherwise
 * @param updatedAt when the source last modified it (the time it was stored when the source does not say)
 */
public record CustomerAccount(String storeCode, long connectionId, String connectionName, String externalId,
        String email, String phone, String name, Instant createdAt, Instant updatedAt) {}
