package io.tributary.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection as an admin describes it, before validation: each part may be null when not given (an update
 * changes only what is given). Credentials are keyed by the connector's declared field names.
 */
public record ConnectionDraft(String systemId, String name, String url, String storeCode,
        Map<String, String> credentials) {
    public ConnectionDraft {
        credentials = credentials == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    }

    public ConnectionDraft withSystem(String system) {
        return new ConnectionDraft(system, name, url, storeCode, credentials);
    }

    @Override
    public String toString() {
        return "ConnectionDraft[system=" + systemId + ", name=" + name + ", url=" + url + ", store=" + storeCode
                + ", credentials=" + credentials.keySet() + "]";
    }
}
