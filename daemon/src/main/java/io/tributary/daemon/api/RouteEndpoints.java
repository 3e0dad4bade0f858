package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.ValueFormats;
import io.tributary.route.Route;
import io.tributary.route.RouteDraft;
import io.tributary.route.RouteService;
import io.tributary.store.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes (orders of a shop forwarded to a courier); a route is visible when both its connections are. */
final class RouteEndpoints {
    private final App app;
    private final ApiAccess access;

    RouteEndpoints(App app, ApiAccess access) {
        this.app = app;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/routes", ApiMethods.ROUTES_READ, "Routes between connections the key reaches.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ROUTES_READ);
            RouteService service = app.routes();
            ctx.json(service.list().stream().filter(r -> visible(caller, r)).map(r -> view(service, r)).toList());
        });
        routes.route(POST, "/routes", ApiMethods.ROUTES_WRITE, "Add a route.").status(201)
                .body("from", "to", "whenStatus", "leadMinutes", "slotMinutes", "includeExisting", "completeOnDelivery").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ROUTES_WRITE);
                    Input input = new Input(ctx);
                    Long from = input.longValue("from");
                    Long to = input.longValue("to");
                    if (from == null) {
                        input.problem("from", "The source connection ('from') is required.");
                    }
                    if (to == null) {
                        input.problem("to", "The target connection ('to') is required.");
                    }
                    RouteDraft draft = new RouteDraft(from == null ? 0 : from, to == null ? 0 : to,
                            input.text("whenStatus"), input.integer("leadMinutes"), input.integer("slotMinutes"),
                            Boolean.TRUE.equals(input.bool("includeExisting")), input.text("completeOnDelivery"));
                    input.check();
                    access.visibleConnection(caller, from);
                    access.visibleConnection(caller, to);
                    RouteService service = app.routes();
                    ctx.status(201).json(view(service, service.add(draft)));
                });
        routes.route(GET, "/routes/{id}", ApiMethods.ROUTES_READ, "One route with its recent deliveries.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ROUTES_READ);
            RouteService service = app.routes();
            Route route = visibleRoute(caller, service, ConnectionEndpoints.id(ctx));
            Map<String, Object> json = view(service, route);
            json.put("deliveries", service.deliveries(route.id(), 50).stream().map(d -> {
                Map<String, Object> delivery = new LinkedHashMap<>();
                delivery.put("orderExternalId", d.orderExternalId());
                delivery.put("orderNumber", d.orderNumber());
                delivery.put("state", d.state().name());
                delivery.put("deliveryId", d.deliveryId());
                delivery.put("reason", d.reason());
                delivery.put("updatedAt", ValueFormats.time(d.updatedAt()));
                delivery.put("completedAt", ValueFormats.time(d.completedAt()));
                delivery.put("completion", d.completion());
                return delivery;
            }).toList());
            ctx.json(json);
        });
        routes.route(DELETE, "/routes/{id}", ApiMethods.ROUTES_WRITE, "Remove a route.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ROUTES_WRITE);
            RouteService service = app.routes();
            Route route = visibleRoute(caller, service, ConnectionEndpoints.id(ctx));
            service.remove(route.id());
            ctx.json(Map.of("id", route.id(), "removed", true));
        });
    }

    private Route visibleRoute(ApiCaller caller, RouteService service, long id) {
        Route route = service.find(id);
        if (!visible(caller, route)) {
            throw new NotFoundException("There is no route with id " + id + ".");
        }
        return route;
    }

    private boolean visible(ApiCaller caller, Route route) {
        try {
            access.visibleConnection(caller, route.sourceConnectionId());
            access.visibleConnection(caller, route.targetConnectionId());
            return true;
        } catch (NotFoundException hidden) {
            return false;
        }
    }

    private static Map<String, Object> view(RouteService service, Route r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("from", r.sourceConnectionId());
        json.put("to", r.targetConnectionId());
        json.put("whenStatus", r.whenStatus());
        json.put("leadMinutes", r.leadMinutes());
        json.put("slotMinutes", r.slotMinutes());
        json.put("completeOnDelivery", r.completeStatus());
        json.put("createdAt", ValueFormats.time(r.createdAt()));
        var counts = service.counts(r.id());
        json.put("posted", counts.posted());
        json.put("refused", counts.refused());
        json.put("inFlight", counts.intents());
        return json;
    }
}
