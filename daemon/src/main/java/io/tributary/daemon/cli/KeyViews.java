package io.tributary.daemon.cli;

import io.tributary.apikey.ApiKeyView;
import io.tributary.apikey.CreatedApiKey;
import io.tributary.connection.StoreView;
import io.tributary.daemon.cli.render.ValueFormats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of stores and API keys (CLI.md): a key's token appears only in {@link #created}. */
public final class KeyViews {
    private KeyViews() {}

    public static Map<String, Object> store(StoreView s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", s.code());
        json.put("name", s.name());
        json.put("createdAt", ValueFormats.time(s.createdAt()));
        json.put("connections", s.connections());
        json.put("country", s.country());
        return json;
    }

    public static Map<String, Object> key(ApiKeyView k) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", k.id());
        json.put("name", k.name());
        json.put("prefix", k.prefix());
        json.put("accessType", k.accessType().name());
        json.put("stores", k.stores());
        json.put("methods", k.methods());
        json.put("active", k.active());
        json.put("createdAt", ValueFormats.time(k.createdAt()));
        json.put("lastUsedAt", ValueFormats.time(k.lastUsedAt()));
        json.put("revokedAt", ValueFormats.time(k.revokedAt()));
        return json;
    }

    /** A key just created, with its token: the only document that ever holds it. */
    public static Map<String, Object> created(CreatedApiKey created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", created.key().id());
        json.put("name", created.key().name());
        json.put("token", created.token().reveal());
        json.putAll(key(created.key()));
        return json;
    }
}
