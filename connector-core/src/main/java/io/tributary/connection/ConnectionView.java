package io.tributary.connection;

import io.tributary.spi.CredentialField;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A connection as shown to people and scripts: every secret credential masked.
 *
 * @param credentials field name → value, {@code ****} for secret fields
 * @param fields      the credential fields the connection's system declares
 * @param failing     whether its last runs failed in a row (see {@link FailureTracker}); cleared by a success
 * @param lastError   the error of its last failed run while failing, else null
 */
public record ConnectionView(long id, String systemId, String name, URI url, String storeCode, boolean enabled,
        Instant createdAt, Instant updatedAt, Map<String, String> credentials, List<CredentialField> fields,
        boolean failing, String lastError) {}
