package io.tributary.testkit.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeHandler;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.http.RouteTable;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole fake site: WordPress pages, the REST index, and the {@code wc/v3} routes, in the
 * order WordPress handles a request: site-wide knobs, route prefix, WooCommerce authentication
 * ({@code rest_authentication_errors}), the key's read/write permission ({@code rest_pre_dispatch}),
 * route matching, argument validation, the endpoint's permission check, the endpoint.
 */
final class WooRestApi implements FakeHandler {
    /** What a plugin restricting the REST API to logged-in users answers anyone else ("Disable REST API"). */
    private static final WooError LOGIN_REQUIRED = new WooError(401, "rest_login_required",
            "REST API restricted to authenticated users.");

    private static final String PREFIX = "/wp-json";

    private final WooSite site;
    private final WooCatalogue catalogue;
    private final WooAuthenticator authenticator;
    private final RouteTable<Function<WooEndpoints.WooCall, FakeResponse>> routes = new RouteTable<>();

    WooRestApi(WooSite site, WooCatalogue catalogue, WooAuthenticator authenticator, WooEndpoints endpoints) {
        this.site = site;
        this.catalogue = catalogue;
        this.authenticator = authenticator;
        routes.add("GET", "/wc/v3", endpoints::namespaceIndex)
                .add("GET", "/wc/v3/products", endpoints::listProducts)
                .add("GET", "/wc/v3/products/{id:\\d+}", endpoints::getProduct)
                .add("GET", "/wc/v3/products/{product_id:\\d+}/variations", endpoints::listVariations)
                .add("GET", "/wc/v3/products/{product_id:\\d+}/variations/{id:\\d+}", endpoints::getVariation)
                .add("GET", "/wc/v3/variations", endpoints::listAllVariations)
                .add("GET", "/wc/v3/orders", endpoints::listOrders)
                .add("GET", "/wc/v3/orders/{id:\\d+}", endpoints::getOrder)
                .add("PUT", "/wc/v3/orders/{id:\\d+}", endpoints::updateOrder)
                .add("POST", "/wc/v3/orders/batch", endpoints::batchOrders)
                .add("GET", "/wc/v3/customers", endpoints::listCustomers)
                .add("GET", "/wc/v3/system_status", endpoints::systemStatus)
                .add("GET", "/wc/v3/data/currencies/current", endpoints::currentCurrency);
    }

    @Override
    public FakeResponse handle(RecordedRequest request) {
        if (site.htmlLoginPage) {
            return WooPages.loginPage(site.homeUrl());
        }
        String path = request.rawPath();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return path.equals("/") ? WooPages.home(site.homeUrl()) : WooPages.notFound();
        }
        String route = trimTrailingSlashes(path.substring(PREFIX.length()));
        if (site.restForLoggedInUsersOnly && (route.isEmpty() || route.equals("/wc/v3"))) {
            return rest(LOGIN_REQUIRED.response()); // the indexes answer anyone, so no credentials come with them
        }
        if (route.isEmpty()) {
            return rest(json(WooIndex.root(site.homeUrl(), catalogue.time().zone(), catalogue.clock().instant(),
                    !site.wooCommerceInactive, site.version(), site.indexHidesArguments)));
        }
        boolean wooRoute = route.startsWith("/wc/") || route.startsWith("/wc-");
        if (!wooRoute || site.wooCommerceInactive) {
            return rest(WooError.noRoute().response());
        }
        WooAuthenticator.Result auth = authenticator.authenticate(request, site);
        if (auth.error() != null) {
            return rest(auth.error().response());
        }
        if (auth.key() == null && site.restForLoggedInUsersOnly) {
            return rest(LOGIN_REQUIRED.response());
        }
        if (auth.key() != null) {
            WooError denied = WooAuthenticator.checkKeyPermission(auth.key(), request.method());
            if (denied != null) {
                return rest(denied.response());
            }
        }
        String method = request.method().toUpperCase(Locale.ROOT).equals("HEAD") ? "GET" : request.method();
        Optional<RouteTable.Match<Function<WooEndpoints.WooCall, FakeResponse>>> match = routes.match(method, route);
        if (match.isEmpty()) {
            return rest(WooError.noRoute().response());
        }
        WooEndpoints.WooCall call = new WooEndpoints.WooCall(request, match.get().pathParameters(), auth.key(),
                PhpParameters.parse(request.rawQuery()));
        return rest(match.get().handler().apply(call).withHeader("Allow", "GET"));
    }

    private FakeResponse rest(FakeResponse response) {
        FakeResponse withHeaders = response.withHeader("X-Robots-Tag", "noindex")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link")
                .withHeader("Access-Control-Allow-Headers",
                        "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type");
        if (response.header("Link").isEmpty()) {
            withHeaders = withHeaders.withHeader("Link", "<" + site.homeUrl() + "wp-json/>; rel=\"https://api.w.org/\"");
        }
        return withHeaders;
    }

    private static FakeResponse json(ObjectNode json) {
        return FakeResponse.json(200, WooJson.bytes(json));
    }

    private static String trimTrailingSlashes(String route) {
        String trimmed = route;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
