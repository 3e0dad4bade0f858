package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.customer.CustomerService;
import io.tributary.customer.CustomerView;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.CustomerRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customers, as {@code tributary customers} and {@code customer show}: each seen through the orders of the key's
 * stores only, so a key of store A never learns that a customer also bought in store B.
 */
final class CustomerEndpoints {
    private static final int DEFAULT_PAGE = 100;
    private static final CustomerRenderer CUSTOMERS = new CustomerRenderer();
    private final App app;

    CustomerEndpoints(App app) {
        this.app = app;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/customers", ApiMethods.CUSTOMERS_READ, "Customers by id, in pages ({\"items\", \"next\"}); "
                + "by e-mail, phone or store. Each shows only what the key's stores know of them.")
                .query("email", "phone", "store", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CUSTOMERS_READ);
                    Input input = new Input(ctx);
                    Long after = input.queryLong("after");
                    int limit = input.limit(DEFAULT_PAGE, CustomerService.MAX_PAGE);
                    input.check();
                    Set<String> scope = ApiAccess.storeScope(caller);
                    List<CustomerView> page = app.customers().list(new CustomerService.Filter(input.query("email"),
                            input.query("phone"), input.query("store")), scope, after, limit);
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("items", page.stream().map(CUSTOMERS::json).toList());
                    json.put("next", page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null);
                    ctx.json(json);
                });
        routes.route(GET, "/customers/{id}", ApiMethods.CUSTOMERS_READ, "One customer with its orders (and, for a "
                + "key of every store, its merges); a customer merged into another answers as that one.").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CUSTOMERS_READ);
                    ctx.json(CUSTOMERS.detail(app.customers().show(ConnectionEndpoints.id(ctx),
                            ApiAccess.storeScope(caller))));
                });
    }
}
