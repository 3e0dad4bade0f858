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
 * @param verifiedAt  when it last proved to work (a verification or a sync that succeeded); null when it never did,
 *                    or since a failed verification or a change of its URL or credentials
 */
public record ConnectionView(long id, String systemId, String name, URI url, String storeCode, boolean enabled,
        Instant createdAt, Instant updatedAt, Map<String, String> credentials, List<CredentialField> fields,
        boolean failing, String lastError, Instant verifiedAt) {
    /** What people see of its health, in this order. */
    public enum Health {
        /** Its last runs failed in a row (see {@link FailureTracker}). */
        FAILING,
        /** It has not proved to work: never verified nor synced, or its last verification failed. */
        UNVERIFIED,
        /** Its last verification or sync succeeded and no failures in a row since. */
        OK;

        /** As the CLI and the API write it: {@code failing}, {@code unverified}, {@code ok}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Health health() {
        return failing ? Health.FAILING : verifiedAt == null ? Health.UNVERIFIED : Health.OK;
    }
}
