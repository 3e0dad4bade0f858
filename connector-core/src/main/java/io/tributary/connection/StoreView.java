package io.tributary.connection;

import java.time.Instant;

/** A store (a business, a brand, a sales channel) as shown: its code, name and how many connections it has. */
public record StoreView(long id, String code, String name, Instant createdAt, long connections) {}
