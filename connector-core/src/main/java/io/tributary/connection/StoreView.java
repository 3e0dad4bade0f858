package io.tributary.connection;

import java.time.Instant;

/**
 * A store (a business, a brand, a sales channel) as shown: its code, name, how many connections it has, and the
 * country its customers' phone numbers are read in (null: none; then only numbers with their +country code match).
 */
public record StoreView(long id, String code, String name, Instant createdAt, long connections, String country) {}
