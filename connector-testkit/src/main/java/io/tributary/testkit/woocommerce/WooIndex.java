package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The discovery documents: {@code GET /wp-json/} and the {@code wc/v3} namespace index. */
final class WooIndex {

    private static final String ID = "(?P<id>[\\d]+)";
    private static final String PRODUCT_ID = "(?P<product_id>[\\d]+)";
    /** The version that added {@code GET /wc/v3/variations} (all variations, with their parent ids). */
    static final String ALL_VARIATIONS_SINCE = "10.3";
    private static final String ALL_VARIATIONS = "/wc/v3/variations";

    private WooIndex() {
    }

    /** Route patterns as WordPress registers them, with their GET arguments. */
    static Map<String, List<WooParamSpec>> routes() {
        Map<String, List<WooParamSpec>> routes = new LinkedHashMap<>();
        List<WooParamSpec> single = List.of(
                WooParamSpec.integer("id", "Unique identifier for the resource.", null, null, null),
                WooParamSpec.choice("context", "Scope under which the request is made; determines fields present in response.",
                        "view", List.of("view", "edit")));
        routes.put("/wc/v3", List.of(WooParamSpec.choice("namespace", "", "wc/v3", List.of()),
                WooParamSpec.choice("context", "", "view", List.of())));
        routes.put("/wc/v3/products", WooParamSpec.products());
        routes.put("/wc/v3/products/" + ID, single);
        routes.put("/wc/v3/products/" + PRODUCT_ID + "/variations", WooParamSpec.variations());
        routes.put("/wc/v3/products/" + PRODUCT_ID + "/variations/" + ID, single);
        routes.put(ALL_VARIATIONS, WooParamSpec.variations());
        routes.put("/wc/v3/orders", WooParamSpec.orders());
        routes.put("/wc/v3/orders/" + ID, single);
        routes.put("/wc/v3/customers", WooParamSpec.customers());
        routes.put("/wc/v3/system_status", List.of(single.get(1)));
        routes.put("/wc/v3/data/currencies/current", List.of());
        return routes;
    }

    static ObjectNode namespace(String home, WooVersion version, boolean hideArguments) {
        ObjectNode json = NODES.objectNode();
        json.put("namespace", "wc/v3");
        ObjectNode routes = json.putObject("routes");
        routes(routes, home, version, hideArguments);
        json.putObject("_links").putArray("up").addObject().put("href", home + "wp-json/");
        return json;
    }

    static ObjectNode root(String home, ZoneId zone, Instant now, boolean wooCommerceActive, WooVersion version,
            boolean hideArguments) {
        ObjectNode json = NODES.objectNode();
        String url = home.endsWith("/") ? home.substring(0, home.length() - 1) : home;
        json.put("name", WooPages.SITE_NAME);
        json.put("description", "Une boutique pour les tests");
        json.put("url", url);
        json.put("home", url);
        json.put("gmt_offset", zone.getRules().getOffset(now).getTotalSeconds() / 3600);
        json.put("timezone_string", zone instanceof java.time.ZoneOffset ? "" : zone.getId()); // a manual offset
        json.put("page_for_posts", 0);
        json.put("page_on_front", 0);
        json.put("show_on_front", "posts");
        ArrayNode namespaces = json.putArray("namespaces");
        namespaces.add("oembed/1.0");
        if (wooCommerceActive) {
            namespaces.add("wc/store/v1").add("wc/v1").add("wc/v2").add("wc/v3").add("wc-analytics");
        }
        namespaces.add("wp/v2").add("wp-site-health/v1").add("wp-block-editor/v1");
        json.putObject("authentication");
        json.put("site_logo", 0);
        json.put("site_icon", 0);
        json.put("site_icon_url", "");
        ObjectNode routes = json.putObject("routes");
        ObjectNode rootRoute = routes.putObject("/");
        rootRoute.put("namespace", "");
        rootRoute.putArray("methods").add("GET");
        rootRoute.putArray("endpoints").addObject().putArray("methods").add("GET");
        rootRoute.putObject("_links").putArray("self").addObject().put("href", home + "wp-json/");
        if (wooCommerceActive) {
            routes(routes, home, version, hideArguments);
        }
        json.putObject("_links").putArray("help").addObject().put("href", "https://developer.wordpress.org/rest-api/");
        return json;
    }

    /** The wc/v3 routes; with {@code hideArguments}, without their {@code args}, as a security plugin shows them. */
    private static void routes(ObjectNode routes, String home, WooVersion version, boolean hideArguments) {
        routes().forEach((route, args) -> {
            if (route.equals(ALL_VARIATIONS) && !version.atLeast(ALL_VARIATIONS_SINCE)) {
                return;
            }
            ObjectNode entry = routes.putObject(route);
            entry.put("namespace", "wc/v3");
            entry.putArray("methods").add("GET");
            ObjectNode endpoint = entry.putArray("endpoints").addObject();
            endpoint.putArray("methods").add("GET");
            if (!hideArguments) {
                ObjectNode argsJson = endpoint.putObject("args");
                for (WooParamSpec spec : args) {
                    if (spec.availableIn(version)) {
                        argsJson.set(spec.name(), spec.toJson());
                    }
                }
            }
            if (!route.contains("(?P<")) {
                entry.putObject("_links").putArray("self").addObject().put("href", home + "wp-json" + route);
            }
        });
    }
}
