package io.tributary.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeHandler;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.QueryString;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.http.RouteTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The whole fake shop, in the order Magento handles a web API request: outside {@code /rest} the storefront's
 * HTML; then the store code ({@code /rest/V1}, {@code /rest/<code>/V1}, {@code /rest/all/V1}, also behind
 * {@code /index.php}; an unknown code leaves it in the path, so no route matches); the route (404
 * "Request does not match any route."); the caller (admin token, OAuth, bearer, guest); the route's ACL
 * resource (401 "The consumer isn't authorized to access %resources."); the service.
 */
final class MagentoRestApi implements FakeHandler {

    static final String STORES = "Magento_Backend::stores";
    static final String PRODUCTS = "Magento_Catalog::products";
    static final String ORDERS = "Magento_Sales::actions_view";
    /** The resource of {@code GET /V1/customers/search} (and the other customer reads) in Magento_Customer's webapi.xml. */
    static final String CUSTOMERS = "Magento_Customer::customer";
    /** The resource of {@code POST /V1/orders/:id/comments} in Magento_Sales' webapi.xml. */
    static final String COMMENTS = "Magento_Sales::comment";
    /** Which statuses belong to which state (Magento's {@code sales_order_status_state}); a comment sets only a
     * status of the order's current state, and otherwise keeps the order's status (answering {@code true}). */
    final Map<String, Set<String>> statusesOfState = new ConcurrentHashMap<>(Map.of(
            "new", Set.of("pending"), "pending_payment", Set.of("pending_payment"),
            "processing", Set.of("processing", "fraud"), "complete", Set.of("complete"), "closed", Set.of("closed"),
            "canceled", Set.of("canceled"), "holded", Set.of("holded"),
            "payment_review", Set.of("payment_review", "fraud")));

    /** What a matched route needs: its ACL resource (null: anonymous) and the service. */
    private record Route(String resource, Function<Call, FakeResponse> service) {
    }

    /** One request on its way to a service. */
    record Call(RecordedRequest request, Map<String, String> path, MagentoStore store) {
        String pathParameter(String name) {
            return QueryString.rawDecode(path.get(name));
        }
    }

    private final FakeMagento.Site site;
    private final MagentoCatalogue catalogue;
    private final MagentoAuthenticator auth;
    private final MagentoRecords records;
    private final List<MagentoStore> stores;
    final Set<String> deniedResources = ConcurrentHashMap.newKeySet();
    private final RouteTable<Route> routes = new RouteTable<>();
    private final MagentoSearch<MagentoProduct> productSearch = new MagentoSearch<MagentoProduct>(p -> p.id)
            .field("sku", MagentoSearch.Type.TEXT, p -> p.sku)
            .field("name", MagentoSearch.Type.TEXT, p -> p.name)
            .field("type_id", MagentoSearch.Type.TEXT, p -> p.typeId)
            .field("status", MagentoSearch.Type.NUMBER, p -> BigDecimal.valueOf(p.status))
            .field("visibility", MagentoSearch.Type.NUMBER, p -> BigDecimal.valueOf(p.visibility))
            .field("attribute_set_id", MagentoSearch.Type.NUMBER, p -> BigDecimal.valueOf(p.attributeSetId))
            .field("price", MagentoSearch.Type.NUMBER, p -> p.price)
            .field("created_at", MagentoSearch.Type.TIME, p -> p.createdAt)
            .field("updated_at", MagentoSearch.Type.TIME, p -> p.updatedAt);
    private final MagentoSearch<MagentoOrder> orderSearch = new MagentoSearch<MagentoOrder>(o -> o.id)
            .field("increment_id", MagentoSearch.Type.TEXT, o -> o.incrementId)
            .field("state", MagentoSearch.Type.TEXT, o -> o.state)
            .field("status", MagentoSearch.Type.TEXT, o -> o.status)
            .field("customer_email", MagentoSearch.Type.TEXT, o -> o.customerEmail)
            .field("store_id", MagentoSearch.Type.NUMBER, o -> BigDecimal.valueOf(o.storeId))
            .field("grand_total", MagentoSearch.Type.NUMBER, o -> o.grandTotal)
            .field("created_at", MagentoSearch.Type.TIME, o -> o.createdAt)
            .field("updated_at", MagentoSearch.Type.TIME, o -> o.updatedAt);
    /** The customer collection's attributes a search may name (EAV attribute codes; entity_id is static). */
    private final MagentoSearch<MagentoCustomer> customerSearch = new MagentoSearch<MagentoCustomer>(c -> c.id)
            .field("email", MagentoSearch.Type.TEXT, c -> c.email)
            .field("firstname", MagentoSearch.Type.TEXT, c -> c.firstname)
            .field("lastname", MagentoSearch.Type.TEXT, c -> c.lastname)
            .field("group_id", MagentoSearch.Type.NUMBER, c -> BigDecimal.valueOf(c.groupId))
            .field("store_id", MagentoSearch.Type.NUMBER, c -> BigDecimal.valueOf(c.storeId))
            .field("website_id", MagentoSearch.Type.NUMBER, c -> BigDecimal.valueOf(c.websiteId))
            .field("created_at", MagentoSearch.Type.TIME, c -> c.createdAt)
            .field("updated_at", MagentoSearch.Type.TIME, c -> c.updatedAt);

    MagentoRestApi(FakeMagento.Site site, MagentoCatalogue catalogue, MagentoAuthenticator auth, MagentoRecords records,
            List<MagentoStore> stores) {
        this.site = site;
        this.catalogue = catalogue;
        this.auth = auth;
        this.records = records;
        this.stores = List.copyOf(stores);
        routes.add("POST", "/V1/integration/admin/token", new Route(null, call -> auth.adminToken(call.request())))
                .add("GET", "/V1/store/storeConfigs", new Route(STORES, this::storeConfigs))
                .add("GET", "/V1/store/storeViews", new Route(STORES, this::storeViews))
                .add("GET", "/V1/products", new Route(PRODUCTS, this::products))
                .add("GET", "/V1/products/{sku}", new Route(PRODUCTS, this::product))
                .add("GET", "/V1/configurable-products/{sku}/children", new Route(PRODUCTS, this::children))
                .add("GET", "/V1/orders", new Route(ORDERS, this::orders))
                .add("GET", "/V1/orders/{id:\\d+}", new Route(ORDERS, this::order))
                .add("POST", "/V1/orders/{id:\\d+}/comments", new Route(COMMENTS, this::addComment))
                .add("GET", "/V1/customers/search", new Route(CUSTOMERS, this::customers));
    }

    @Override
    public FakeResponse handle(RecordedRequest request) {
        if (site.htmlEverywhere) {
            return MagentoPages.portal();
        }
        String path = request.rawPath();
        String app = path.startsWith("/index.php/") ? path.substring("/index.php".length()) : path;
        if (!app.startsWith("/rest/")) {
            return path.equals("/") || path.equals("/index.php") ? MagentoPages.home(stores.get(0).name())
                    : MagentoPages.notFound();
        }
        try {
            return serve(request, app.substring("/rest".length()));
        } catch (MagentoError e) {
            return e.response();
        }
    }

    private FakeResponse serve(RecordedRequest request, String afterRest) {
        String[] segments = afterRest.substring(1).split("/", 2);
        MagentoStore store = stores.get(0);
        String routePath = afterRest;
        if (segments.length == 2 && !segments[0].equals("V1")) {
            Optional<MagentoStore> named = storeByCode(segments[0]);
            if (named.isPresent()) {
                store = named.get();
                routePath = "/" + segments[1];
            }
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        Optional<RouteTable.Match<Route>> match = routes.match(method, routePath);
        if (match.isEmpty()) {
            throw MagentoError.noRoute();
        }
        Route route = match.get().handler();
        Call call = new Call(request, match.get().pathParameters(), store);
        if (route.resource() == null) {
            return route.service().apply(call);
        }
        String url = "http://" + request.header("Host").orElse("localhost") + request.rawPath();
        MagentoAuthenticator.Identity caller = auth.identify(request, url);
        if (caller == null || !caller.allows(route.resource()) || deniedResources.contains(route.resource())) {
            throw MagentoError.notAuthorized(route.resource());
        }
        return route.service().apply(call);
    }

    private Optional<MagentoStore> storeByCode(String code) {
        if (code.equals("all")) {
            return Optional.of(new MagentoStore(0, "admin", "Admin", 0, stores.get(0).locale(), stores.get(0).currency(),
                    stores.get(0).timezone()));
        }
        return stores.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private FakeResponse storeConfigs(Call call) {
        List<String> codes = call.request().queryParameterValues("storeCodes[]");
        ArrayNode list = MagentoJson.NODES.arrayNode();
        String base = "http://" + call.request().header("Host").orElse("localhost") + "/";
        for (MagentoStore store : stores) {
            if (!codes.isEmpty() && !codes.contains(store.code())) {
                continue;
            }
            ObjectNode config = list.addObject();
            config.put("id", store.id());
            config.put("code", store.code());
            config.put("website_id", store.websiteId());
            config.put("locale", store.locale());
            config.put("base_currency_code", store.currency());
            config.put("default_display_currency_code", store.currency());
            config.put("timezone", store.timezone());
            config.put("weight_unit", "kgs");
            String prefix = store.id() == 1 ? base : base + store.code() + "/";
            config.put("base_url", prefix);
            config.put("base_link_url", prefix);
            config.put("base_static_url", base + "static/");
            config.put("base_media_url", base + "media/");
            config.put("secure_base_url", prefix);
            config.put("secure_base_link_url", prefix);
            config.put("secure_base_static_url", base + "static/");
            config.put("secure_base_media_url", base + "media/");
        }
        return json(list);
    }

    private FakeResponse storeViews(Call call) {
        ArrayNode list = MagentoJson.NODES.arrayNode();
        list.addObject().put("id", 0).put("code", "admin").put("name", "Admin").put("website_id", 0)
                .put("store_group_id", 0).put("is_active", 1);
        for (MagentoStore store : stores) {
            list.addObject().put("id", store.id()).put("code", store.code()).put("name", store.name())
                    .put("website_id", store.websiteId()).put("store_group_id", 1).put("is_active", 1);
        }
        return json(list);
    }

    private FakeResponse products(Call call) {
        MagentoSearchCriteria criteria = MagentoSearchCriteria.parse(call.request().queryParameters());
        return catalogue.read(() -> {
            MagentoSearch.Result<MagentoProduct> result = productSearch.select(catalogue.products().values(),
                    catalogue.version(), criteria);
            List<JsonNode> items = new ArrayList<>();
            result.page().forEach(p -> items.add(records.product(p, false, 0)));
            return list(call, items, criteria, result.total());
        });
    }

    private FakeResponse product(Call call) {
        String sku = call.pathParameter("sku");
        return catalogue.read(() -> catalogue.products().values().stream()
                .filter(p -> p.sku.equalsIgnoreCase(sku)).findFirst()
                .map(p -> json(fields(call, records.product(p, true, FakeMagento.stockOf(p.id)))))
                .orElseThrow(() -> new MagentoError(404,
                        "The product that was requested doesn't exist. Verify the product and try again.")));
    }

    private FakeResponse children(Call call) {
        String sku = call.pathParameter("sku");
        return catalogue.read(() -> {
            MagentoProduct parent = catalogue.products().values().stream().filter(p -> p.sku.equalsIgnoreCase(sku))
                    .findFirst().orElseThrow(() -> new MagentoError(404,
                            "The product that was requested doesn't exist. Verify the product and try again."));
            ArrayNode list = MagentoJson.NODES.arrayNode();
            for (int child : parent.childIds) {
                list.add(records.product(catalogue.product(child), false, 0));
            }
            return json(list);
        });
    }

    private FakeResponse orders(Call call) {
        MagentoSearchCriteria criteria = MagentoSearchCriteria.parse(call.request().queryParameters());
        return catalogue.read(() -> {
            MagentoSearch.Result<MagentoOrder> result = orderSearch.select(catalogue.orders().values(),
                    catalogue.version(), criteria);
            List<JsonNode> items = new ArrayList<>();
            result.page().forEach(o -> items.add(records.order(o)));
            return list(call, items, criteria, result.total());
        });
    }

    private FakeResponse order(Call call) {
        int id = Integer.parseInt(call.pathParameter("id"));
        return catalogue.read(() -> {
            MagentoOrder order = catalogue.orders().get(id);
            if (order == null) {
                throw new MagentoError(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
            }
            return json(fields(call, records.order(order)));
        });
    }

    /** CustomerRepository::getList: the accounts the criteria select, each with its addresses. */
    private FakeResponse customers(Call call) {
        MagentoSearchCriteria criteria = MagentoSearchCriteria.parse(call.request().queryParameters());
        return catalogue.read(() -> {
            MagentoSearch.Result<MagentoCustomer> result = customerSearch.select(catalogue.customers().values(),
                    catalogue.version(), criteria);
            List<JsonNode> items = new ArrayList<>();
            result.page().forEach(c -> items.add(MagentoCustomers.json(c, stores)));
            return list(call, items, criteria, result.total());
        });
    }

    /** OrderService::addComment: the comment is kept; its status becomes the order's when the state allows it. */
    private FakeResponse addComment(Call call) {
        int id = Integer.parseInt(call.pathParameter("id"));
        JsonNode body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.request().bodyAsString());
        } catch (java.io.IOException e) {
            throw new MagentoError(400, "Decoding error: Syntax error");
        }
        JsonNode history = body == null ? null : body.get("statusHistory");
        if (history == null || !history.isObject()) {
            throw MagentoError.requiredField("statusHistory");
        }
        String comment = history.path("comment").asText("");
        String status = history.path("status").asText(null);
        catalogue.run(() -> {
            MagentoOrder order = catalogue.orders().get(id);
            if (order == null) {
                throw new MagentoError(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
            }
            boolean allowed = status != null && statusesOfState.getOrDefault(order.state, Set.of()).contains(status);
            order.comments.add(new String[] {comment, allowed ? status : order.status});
            if (allowed) {
                order.status = status;
            }
            order.updatedAt = catalogue.stamp();
        });
        return FakeResponse.json(200, "true".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private FakeResponse list(Call call, List<JsonNode> items, MagentoSearchCriteria criteria, int total) {
        ObjectNode json = MagentoJson.NODES.objectNode();
        json.putArray("items").addAll(items);
        json.set("search_criteria", criteria.echo());
        json.put("total_count", total);
        return json(fields(call, json));
    }

    private static JsonNode fields(Call call, JsonNode json) {
        Optional<String> fields = call.request().queryParameter("fields");
        return fields.isPresent() && !fields.get().isBlank() ? MagentoFields.parse(fields.get()).apply(json) : json;
    }

    private static FakeResponse json(JsonNode json) {
        return FakeResponse.json(200, MagentoJson.bytes(json));
    }
}
