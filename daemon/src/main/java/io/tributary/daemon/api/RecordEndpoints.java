package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.daemon.cli.render.ProductRenderer;
import io.tributary.daemon.cli.render.ValueFormats;
import io.tributary.record.KeysetPage;
import io.tributary.record.OrderStatus;
import io.tributary.record.RecordQueries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Products, orders and order statuses in keyset pages: {@code {"items": [...], "next": CURSOR|null}}; the next page
 * is {@code ?after=CURSOR} with the same filters, so a client reads any number of records at a steady cost.
 */
final class RecordEndpoints {
    private static final int DEFAULT_PAGE = 100;
    private final App app;
    private final ApiAccess access;

    RecordEndpoints(App app, ApiAccess access) {
        this.app = app;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/products", ApiMethods.PRODUCTS_READ, "Products by connection and id, in keyset pages.")
                .query("connection", "store", "sku", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.PRODUCTS_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    int limit = input.limit(DEFAULT_PAGE, RecordQueries.MAX_PAGE);
                    input.check();
                    Set<String> stores = scope(caller, connection, input.query("store"));
                    var page = app.records().productPage(stores, connection, input.query("sku"), input.query("after"),
                            limit);
                    ctx.json(page(page.items().stream().map(new ProductRenderer()::json).toList(), page.next()));
                });
        routes.route(GET, "/orders/statuses", ApiMethods.ORDERS_STATUSES,
                "Order numbers and statuses stored (new or changed) since a time, oldest change first; what "
                        + "partners poll.")
                .query("since", "connection", "store", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_STATUSES);
                    Input input = new Input(ctx);
                    Instant since = input.queryInstant("since");
                    Long connection = input.queryLong("connection");
                    int limit = input.limit(DEFAULT_PAGE, RecordQueries.MAX_PAGE);
                    input.check();
                    Set<String> stores = scope(caller, connection, input.query("store"));
                    KeysetPage<OrderStatus> page = app.records().orderStatuses(stores, connection, since,
                            input.query("after"), limit);
                    ctx.json(page(page.items().stream().map(RecordEndpoints::status).toList(), page.next()));
                });
        routes.route(GET, "/orders", ApiMethods.ORDERS_READ, "Orders with their lines, in keyset pages; by status or order number.")
                .query("connection", "store", "status", "number", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    int limit = input.limit(DEFAULT_PAGE, RecordQueries.MAX_PAGE);
                    input.check();
                    Set<String> stores = scope(caller, connection, input.query("store"));
                    var page = app.records().orderPage(stores, connection, input.query("status"),
                            input.query("number"), input.query("after"), limit);
                    ctx.json(page(page.items().stream().map(new OrderRenderer()::json).toList(), page.next()));
                });
    }

    /** The stores to read from: the key's, narrowed to {@code store}; a connection outside them is 404. */
    private Set<String> scope(ApiCaller caller, Long connection, String store) {
        if (connection != null) {
            access.visibleConnection(caller, connection);
        }
        if (store != null) {
            return caller.reaches(store) ? Set.of(store) : Set.of();
        }
        return ApiAccess.storeScope(caller);
    }

    private static Map<String, Object> status(OrderStatus s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connectionId", s.connectionId());
        json.put("store", s.storeCode());
        json.put("externalId", s.externalId());
        json.put("number", s.number());
        json.put("status", s.status());
        json.put("updatedAt", ValueFormats.time(s.updatedAt()));
        json.put("storedAt", ValueFormats.time(s.storedAt()));
        return json;
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, String next) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("next", next);
        return json;
    }
}
