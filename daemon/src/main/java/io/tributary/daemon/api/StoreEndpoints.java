package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.KeyViews;

/** Stores: read with {@code connections.read}, changed with {@code connections.write}; adding one needs all stores. */
final class StoreEndpoints {
    private final App app;

    StoreEndpoints(App app) {
        this.app = app;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/stores", ApiMethods.CONNECTIONS_READ, "Stores the key reaches.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_READ);
            ctx.json(app.stores().list().stream().filter(s -> caller.reaches(s.code())).map(KeyViews::store).toList());
        });
        routes.route(POST, "/stores", ApiMethods.CONNECTIONS_WRITE, "Add a store (a key for all stores only).")
                .status(201).body("code", "name").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
                    ApiAccess.requireAllStores(caller, "Adding a store");
                    Input input = new Input(ctx);
                    String code = input.text("code");
                    String name = input.text("name");
                    input.check();
                    ctx.status(201).json(KeyViews.store(app.stores().add(code, name)));
                });
        routes.route(GET, "/stores/{code}", ApiMethods.CONNECTIONS_READ, "One store.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_READ);
            ApiAccess.visibleStore(caller, ctx.pathParam("code"));
            ctx.json(KeyViews.store(app.stores().show(ctx.pathParam("code"))));
        });
        routes.route(PATCH, "/stores/{code}", ApiMethods.CONNECTIONS_WRITE, "Rename a store, or set the country "
                + "its customers' phone numbers are read in (\"none\" clears it).").body("name", "country").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
            ApiAccess.visibleStore(caller, ctx.pathParam("code"));
            Input input = new Input(ctx);
            String name = input.text("name");
            String country = input.text("country");
            boolean countryGiven = input.body().has("country");
            input.check();
            var store = app.stores().show(ctx.pathParam("code"));
            if (name != null || !countryGiven) {
                store = app.stores().rename(ctx.pathParam("code"), name);
            }
            if (countryGiven) {
                store = app.stores().setCountry(ctx.pathParam("code"), country);
            }
            ctx.json(KeyViews.store(store));
        });
    }
}
