package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.daemon.cli.render.ConnectionRenderer;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.EntityType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What any valid key may ask without a method of its own: who it is ({@code /me}), the systems a connection can be
 * made to with the credential fields each declares ({@code /systems}), and the catalogue of API methods
 * ({@code /methods}). The web console builds its forms from these.
 */
final class CatalogEndpoints {
    private final ConnectorRegistry registry;

    CatalogEndpoints(ConnectorRegistry registry) {
        this.registry = registry;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/me", null, "The calling key: its name, access type, stores and methods.")
                .to(ctx -> ctx.json(me(ApiAccess.caller(ctx))));
        routes.route(GET, "/systems", null, "The systems a connection can be made to, with their credential fields.")
                .to(ctx -> ctx.json(registry.all().stream().sorted(Comparator.comparing(ConnectorProvider::systemId))
                        .map(CatalogEndpoints::system).toList()));
        routes.route(GET, "/methods", null, "The API methods a key can be given, grouped in blocks.")
                .to(ctx -> ctx.json(Map.of("blocks", ApiMethods.BLOCKS)));
    }

    private static Map<String, Object> me(ApiCaller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", caller.keyId());
        json.put("name", caller.keyName());
        json.put("accessType", caller.accessType().name());
        json.put("stores", caller.stores() == null ? List.of() : caller.stores().stream().sorted().toList());
        json.put("methods", caller.methods());
        return json;
    }

    private static Map<String, Object> system(ConnectorProvider provider) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", provider.systemId());
        json.put("name", provider.displayName());
        json.put("entities", provider.supportedEntities().stream().sorted().map(EntityType::cliName).toList());
        json.put("fields", provider.credentialFields().stream().map(ConnectionRenderer::field).toList());
        return json;
    }
}
