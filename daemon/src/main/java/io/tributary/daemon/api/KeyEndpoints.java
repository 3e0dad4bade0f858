package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.tributary.apikey.AccessType;
import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.KeyViews;
import java.util.List;

/**
 * API keys, as {@code tributary apikey}: the token only in the answer to POST. Managing keys needs a key that
 * reaches all stores (a key for some stores could otherwise make itself a wider one).
 */
final class KeyEndpoints {
    private final App app;

    KeyEndpoints(App app) {
        this.app = app;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/keys", ApiMethods.KEYS_READ, "API keys (never their tokens).")
                .query("active", "accessType", "store").to(ctx -> {
                    caller(ctx, ApiMethods.KEYS_READ);
                    Input input = new Input(ctx);
                    Boolean active = input.queryBoolean("active");
                    AccessType type = input.parse("accessType", input.query("accessType"), AccessType::valueOf,
                            "ALL_STORES or SELECTED_STORES");
                    input.check();
                    ctx.json(app.apiKeys().list(active, type, input.query("store")).stream().map(KeyViews::key)
                            .toList());
                });
        routes.route(POST, "/keys", ApiMethods.KEYS_WRITE, "Create a key; the answer holds its token, shown once.")
                .status(201).body("name", "stores", "methods").to(ctx -> {
                    caller(ctx, ApiMethods.KEYS_WRITE);
                    Input input = new Input(ctx);
                    String name = input.text("name");
                    List<String> stores = input.strings("stores");
                    List<String> methods = input.strings("methods");
                    input.check();
                    ctx.status(201).json(KeyViews.created(app.apiKeys().create(name, stores, methods)));
                });
        routes.route(GET, "/keys/{id}", ApiMethods.KEYS_READ, "One key (never its token).").to(ctx -> {
            caller(ctx, ApiMethods.KEYS_READ);
            ctx.json(KeyViews.key(app.apiKeys().show(ConnectionEndpoints.id(ctx))));
        });
        routes.route(POST, "/keys/{id}/revoke", ApiMethods.KEYS_WRITE, "Revoke a key (401 from now on).").to(ctx -> {
            caller(ctx, ApiMethods.KEYS_WRITE);
            ctx.json(KeyViews.key(app.apiKeys().revoke(ConnectionEndpoints.id(ctx))));
        });
        routes.route(POST, "/keys/{id}/activate", ApiMethods.KEYS_WRITE, "Activate a revoked key.").to(ctx -> {
            caller(ctx, ApiMethods.KEYS_WRITE);
            ctx.json(KeyViews.key(app.apiKeys().activate(ConnectionEndpoints.id(ctx))));
        });
    }

    private static ApiCaller caller(Context ctx, String method) {
        ApiCaller caller = ApiAccess.require(ctx, method);
        ApiAccess.requireAllStores(caller, "Managing API keys");
        return caller;
    }
}
