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
        return json(WooIndex.namespace(site.homeUrl(), site.version()));
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
            int[] ids = catalogue.select(kind, scope.apply(list.selection()));
            int total = ids.length;
            int pages = (int) Math.ceil(total / (double) list.perPage());
            long start = list.offset() != null ? list.offset() : (long) (list.page() - 1) * list.perPage();
            ArrayNode page = WooJson.NODES.arrayNode();
            for (long i = start; i < Math.min(total, start + list.perPage()); i++) {
                page.add(WooFields.filter(render.apply(ids[(int) i]), list.fields()));
            }
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
