package io.tributary.apikey;

import java.time.Instant;
import java.util.List;

/**
 * An API key as shown: never its token, only the token's prefix.
 *
 * @param stores the codes of the stores it reaches when {@code accessType} is {@code SELECTED_STORES}, else empty
 */
public record ApiKeyView(long id, String name, String prefix, AccessType accessType, List<String> stores,
        List<String> methods, boolean active, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
