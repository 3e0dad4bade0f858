package io.tributary.testkit.coopcycle;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.leaks.CredentialWatch;
import java.util.Set;

/**
 * An API app as a CoopCycle admin creates it: bound to a store (last-mile deliveries) or to a shop (a restaurant;
 * {@code storeId} null), either an OAuth2 client (identifier + secret, client credentials only) with the scopes the
 * admin chose, or a static {@code ak_} API key.
 */
public record CoopCycleApp(long id, String name, Long storeId, Long shopId, String clientId, String clientSecret,
        Set<String> scopes, String apiKey) {

    /** The scopes a CoopCycle server knows. */
    public static final Set<String> SERVER_SCOPES = Set.of("tasks", "deliveries", "orders", "orders:all", "tasks:all");

    public CoopCycleApp {
        requireNonNull(name, "name is null");
        scopes = Set.copyOf(requireNonNull(scopes, "scopes is null"));
        if ((clientId == null) == (apiKey == null)) {
            throw new IllegalArgumentException("an app is either an OAuth2 client or an API key");
        }
        if (apiKey != null && !apiKey.startsWith("ak_")) {
            throw new IllegalArgumentException("an API key starts with ak_");
        }
        CredentialWatch.secret(clientSecret);
        CredentialWatch.secret(apiKey);
    }

    public boolean isApiKey() {
        return apiKey != null;
    }

    /** The IRI {@code /api/me} shows. */
    public String iri() {
        return "/api/api_apps/" + id;
    }
}
