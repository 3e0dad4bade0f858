package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The {@code wc/v3} routes the fake serves. Each runs after authentication and the key check. */
final class WooEndpoints {

    /** One authenticated call: the request, its path parameters, its key (null when anonymous), its PHP query. */
    record WooCall(RecordedRequest request, Map<String, String> path, ApiKey key, Map<String, Object> query) {

        boolean loggedIn() {
            return key != null;
        }

        boolean canReadShop() {
            return key != null && key.role().canReadShop();
        }

        boolean isManager() {
            return key != null && key.role().isManager();
        }

        int id(String name) {
            return Integer.parseInt(path.get(name));
        }
    }

    private final WooSite site;
    private final WooCatalogue catalogue;
    private final WooProductJson productJson;
    private final WooOrderJson orderJson;

    WooEndpoints(WooSite site, WooCatalogue catalogue, WooProductJson productJson, WooOrderJson orderJson) {
        this.site = site;
        this.catalogue = catalogue;
        this.productJson = productJson;
        this.orderJson = orderJson;
    }

    FakeResponse namespaceIndex(WooCall call) {
        return json(WooIndex.namespace(site.homeUrl(), site.version(), site.indexHidesArguments));
    }

    FakeResponse listProducts(WooCall call) {
        return list(call, WooParamSpec.products(), WooCatalogue.Kind.PRODUCTS, UnaryOperator.identity(),
                id -> productJson.product(catalogue.products().get(id)));
    }

    FakeResponse getProduct(WooCall call) {
        int id = call.id("id");
        return single(call, "product", () -> {
            WooProduct product = catalogue.products().get(id);
            return product == null ? null : productJson.product(product);
        });
    }

    FakeResponse listVariations(WooCall call) {
        int parent = call.id("product_id");
        return list(call, WooParamSpec.variations(), WooCatalogue.Kind.VARIATIONS, s -> s.withParent(parent),
                id -> variationJson(id));
    }

    /**
     * {@code GET /wc/v3/variations} (WooCommerce 10.3 and later, {@code WC_REST_Variations_Controller}): the
     * variations of every product, each with its {@code parent_id}, with the variation route's collection
     * parameters ({@code include} among them). Older versions have no such route.
     */
    FakeResponse listAllVariations(WooCall call) {
        if (!site.version().atLeast(WooIndex.ALL_VARIATIONS_SINCE)) {
            return WooError.noRoute().response();
        }
        return list(call, WooParamSpec.variations(), WooCatalogue.Kind.VARIATIONS, UnaryOperator.identity(),
                id -> variationJson(id));
    }

    FakeResponse getVariation(WooCall call) {
        int parent = call.id("product_id");
        int id = call.id("id");
        return single(call, "product_variation", () -> {
            WooVariation variation = catalogue.variations().get(id);
            return variation == null || variation.parentId != parent ? null : variationJson(id);
        });
    }

    FakeResponse listOrders(WooCall call) {
        return list(call, WooParamSpec.orders(), WooCatalogue.Kind.ORDERS, UnaryOperator.identity(),
                id -> orderJson.order(catalogue.orders().get(id)));
    }

    FakeResponse getOrder(WooCall call) {
        int id = call.id("id");
        return single(call, "shop_order", () -> {
            WooOrder order = catalogue.orders().get(id);
            return order == null ? null : orderJson.order(order);
        });
    }

    /** Transitions this shop refuses, as {@code from>to} (a plugin that guards its order workflow). */
    final java.util.Set<String> forbiddenTransitions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Saves a new status (FakeWooCommerce's mutation: the order's date_modified moves). */
    java.util.function.BiConsumer<Integer, String> statusSaver;

    /** update_item() with a status: the order saved (its date_modified moves), answered as it now is. */
    /**
     * WC_REST_Controller::batch_items for orders, as far as the connector uses it: an empty batch (what verify sends
     * to learn whether the key may write) answers an empty result and changes nothing; the key's write permission
     * was checked before, as WooCommerce's authentication does for every POST.
     */
    FakeResponse batchOrders(WooCall call) {
        if (!call.canReadShop()) {
            return new WooError(call.loggedIn() ? 403 : 401, "woocommerce_rest_cannot_batch",
                    "Sorry, you are not allowed to batch manipulate this resource.").response();
        }
        String body = call.request().bodyAsString().strip();
        if (!body.equals("{}") && !body.equals("[]")) {
            return new WooError(400, "rest_invalid_param", "The fake WooCommerce answers only an empty batch.")
                    .response();
        }
        return FakeResponse.json(200, "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    FakeResponse updateOrder(WooCall call) {
        int id = call.id("id");
        String status;
        try {
            status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.request().bodyAsString())
                    .path("status").asText(null);
        } catch (java.io.IOException e) {
            return new WooError(400, "rest_invalid_json", "Invalid JSON body passed.").response();
        }
        if (status != null && !OrderEdit.STATUSES.contains(status)) {
            return new WooError(400, "rest_invalid_param", "Invalid parameter(s): status",
                    data -> data.putObject("params").put("status", "status is not one of pending, processing, "
                            + "on-hold, completed, cancelled, refunded, failed, and checkout-draft.")).response();
        }
        WooOrder order = catalogue.read(() -> catalogue.orders().get(id));
        if (order == null) {
            return WooError.invalidId("shop_order").response();
        }
        if (!call.canReadShop()) {
            return new WooError(call.loggedIn() ? 403 : 401, "woocommerce_rest_cannot_edit",
                    "Sorry, you are not allowed to edit this resource.").response();
        }
        String from = catalogue.read(() -> order.status);
        if (status != null && forbiddenTransitions.contains(from + ">" + status)) {
            return new WooError(400, "woocommerce_rest_shop_order_invalid_status", "The order cannot go from "
                    + from + " to " + status + ".").response();
        }
        if (status != null) {
            statusSaver.accept(id, status);
        }
        return json(catalogue.read(() -> orderJson.order(catalogue.orders().get(id))));
    }

    /** The shop's customers; set by FakeWooCommerce. */
    WooCustomers customers;

    /**
     * WC_REST_Customers_Controller::get_items as far as a connector uses it: {@code per_page} (1-100), {@code page}
     * or {@code offset}, {@code orderby} {@code id}/{@code include}/{@code name}/{@code registered_date},
     * {@code order}, {@code email}, {@code role} ({@code customer} by default: these are all customers). Arguments
     * it does not know ({@code modified_after}, say) are ignored, as WordPress ignores any unknown argument.
     * Answered with {@code X-WP-Total} and {@code X-WP-TotalPages} like the other listings. Listing users needs a
     * key that may read (list_users).
     */
    FakeResponse listCustomers(WooCall call) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        int perPage = intArg(call, "per_page", 10, 1, 100, problems);
        int page = intArg(call, "page", 1, 1, Integer.MAX_VALUE, problems);
        Integer offset = call.query().get("offset") == null ? null
                : intArg(call, "offset", 0, 0, Integer.MAX_VALUE, problems);
        String orderby = text(call, "orderby", "name");
        String order = text(call, "order", "asc");
        if (!WooParamSpec.CUSTOMER_ORDERBY.contains(orderby)) {
            problems.put("orderby", "orderby is not one of " + String.join(", ", WooParamSpec.CUSTOMER_ORDERBY) + ".");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            problems.put("order", "order is not one of asc and desc.");
        }
        if (!problems.isEmpty()) {
            return new WooError(400, "rest_invalid_param", "Invalid parameter(s): "
                    + String.join(", ", problems.keySet())).response();
        }
        if (!call.canReadShop()) {
            return WooError.cannotView(call.loggedIn(), false).response();
        }
        String email = text(call, "email", null);
        String role = text(call, "role", "customer");
        return catalogue.read(() -> {
            List<WooCustomers.WooCustomer> all = new java.util.ArrayList<>(customers.all());
            if (email != null) {
                all.removeIf(c -> !c.email.equalsIgnoreCase(email));
            }
            if (!role.equals("customer") && !role.equals("all")) {
                all.clear();
            }
            java.util.Comparator<WooCustomers.WooCustomer> sort = switch (orderby) {
                case "name" -> java.util.Comparator.comparing((WooCustomers.WooCustomer c) -> c.firstName + " "
                        + c.lastName).thenComparingInt(c -> c.id);
                case "registered_date" -> java.util.Comparator.comparingLong((WooCustomers.WooCustomer c) ->
                        c.createdGmt).thenComparingInt(c -> c.id);
                default -> java.util.Comparator.comparingInt((WooCustomers.WooCustomer c) -> c.id);
            };
            all.sort(order.equals("asc") ? sort : sort.reversed());
            int total = all.size();
            int pages = (int) Math.ceil(total / (double) perPage);
            long start = offset != null ? offset : (long) (page - 1) * perPage;
            ArrayNode items = WooJson.NODES.arrayNode();
            for (long i = start; i < Math.min(total, start + perPage); i++) {
                items.add(customers.json(all.get((int) i), site.homeUrl()));
            }
            site.list("customers", items.size());
            FakeResponse response = FakeResponse.json(200, WooJson.bytes(items))
                    .withHeader("X-WP-Total", Integer.toString(total))
                    .withHeader("X-WP-TotalPages", Integer.toString(pages));
            String links = WooPaging.linkHeader(site.homeUrl(), call.request(), page, pages);
            return links.isEmpty() ? response : response.withHeader("Link", links);
        });
    }

    private static String text(WooCall call, String name, String fallback) {
        Object value = call.query().get(name);
        return value == null ? fallback : value.toString();
    }

    private static int intArg(WooCall call, String name, int fallback, int min, int max,
            java.util.Map<String, String> problems) {
        Object value = call.query().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.toString().trim());
            if (number < min || number > max) {
                problems.put(name, name + " must be between " + min + " (inclusive) and " + max + " (inclusive).");
                return fallback;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.put(name, name + " is not of type integer.");
            return fallback;
        }
    }

    FakeResponse systemStatus(WooCall call) {
        if (!call.isManager()) {
            return WooError.cannotView(call.loggedIn(), false).response();
        }
        return json(catalogue.read(() -> WooSystemStatus.document(site, catalogue)));
    }

    FakeResponse currentCurrency(WooCall call) {
        if (!call.isManager()) {
            return WooError.cannotView(call.loggedIn(), true).response();
        }
        ObjectNode json = WooJson.NODES.objectNode().put("code", "EUR").put("name", "Euro").put("symbol", "&euro;");
        ObjectNode links = json.putObject("_links");
        links.putArray("self").addObject().put("href", site.homeUrl() + "wp-json/wc/v3/data/currencies/EUR");
        links.putArray("collection").addObject().put("href", site.homeUrl() + "wp-json/wc/v3/data/currencies");
        return json(json);
    }

    private ObjectNode variationJson(int id) {
        WooVariation variation = catalogue.variations().get(id);
        return productJson.variation(variation, catalogue.products().get(variation.parentId));
    }

    /**
     * get_item(): the permission check only looks at an object that exists, so an anonymous
     * request for a missing id gets 404, not 401.
     *
     * @param render the item's JSON, or null when there is no such item
     */
    private FakeResponse single(WooCall call, String postType, Supplier<ObjectNode> render) {
        List<String> fields = WooListParams.list(call.query().get("_fields"));
        return catalogue.read(() -> {
            ObjectNode item = render.get();
            if (item == null) {
                return WooError.invalidId(postType).response();
            }
            if (!call.canReadShop()) {
                return WooError.cannotView(call.loggedIn(), true).response();
            }
            return json(WooFields.filter(item, fields));
        });
    }

    private FakeResponse list(WooCall call, List<WooParamSpec> specs, WooCatalogue.Kind kind, UnaryOperator<WooSelection> scope,
            IntFunction<ObjectNode> render) {
        WooListParams.Outcome outcome = WooListParams.parse(specs, call.query(), site.version(), catalogue.time());
        if (outcome.error() != null) {
            return outcome.error().response();
        }
        if (!call.canReadShop()) {
            return WooError.cannotView(call.loggedIn(), false).response();
        }
        WooListParams.ListRequest list = outcome.request();
        return catalogue.read(() -> {
            WooSelection selection = scope.apply(list.selection());
            int[] ids = catalogue.select(kind, site.ignoresDatesAreGmt ? selection.local() : selection);
            int total = ids.length;
            int pages = (int) Math.ceil(total / (double) list.perPage());
            long start = list.offset() != null ? list.offset() : (long) (list.page() - 1) * list.perPage();
            ArrayNode page = WooJson.NODES.arrayNode();
            for (long i = start; i < Math.min(total, start + list.perPage()); i++) {
                page.add(WooFields.filter(render.apply(ids[(int) i]), list.fields()));
            }
            site.list(kind.name().toLowerCase(java.util.Locale.ROOT), page.size());
            FakeResponse response = FakeResponse.json(200, WooJson.bytes(page))
                    .withHeader("X-WP-Total", Integer.toString(total))
                    .withHeader("X-WP-TotalPages", Integer.toString(pages));
            String links = WooPaging.linkHeader(site.homeUrl(), call.request(), list.page(), pages);
            return links.isEmpty() ? response : response.withHeader("Link", links);
        });
    }

    private static FakeResponse json(ObjectNode json) {
        return FakeResponse.json(200, WooJson.bytes(json));
    }
}
