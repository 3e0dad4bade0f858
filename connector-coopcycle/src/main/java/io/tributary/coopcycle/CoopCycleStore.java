package io.tributary.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;

/**
 * The store an API app is bound to, from {@code GET /api/me}: {@code {"store": "/api/stores/1", "name": ...}}.
 *
 * @param appName the API app's name
 */
record CoopCycleStore(long id, String iri, String appName) {
    static CoopCycleStore of(JsonNode me) {
        String store = Json.text(me, "store");
        String appName = Json.text(me, "name");
        if (store == null) {
            String shop = Json.text(me, "shop");
            throw new ConnectorException(FailureKind.FORBIDDEN, shop != null
                    ? "The CoopCycle API app" + named(appName) + " belongs to a restaurant (" + shop + "), not to a "
                            + "store: Tributary reads and creates a store's deliveries; create an API app for the "
                            + "store."
                    : "CoopCycle's /api/me names no store for these credentials: they are not an API app of a store.");
        }
        try {
            return new CoopCycleStore(Long.parseLong(store.substring(store.lastIndexOf('/') + 1)), store, appName);
        } catch (NumberFormatException e) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "CoopCycle's /api/me names the store '" + store
                    + "', which is not a store IRI (/api/stores/{id}).");
        }
    }

    private static String named(String name) {
        return name == null ? "" : " '" + name + "'";
    }
}
