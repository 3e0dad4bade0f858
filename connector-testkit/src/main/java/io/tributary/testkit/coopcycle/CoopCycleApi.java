package io.tributary.testkit.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.http.FakeHandler;
import io.tributary.testkit.http.FakeResponse;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.http.RouteTable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fake instance's HTTP face: the public JSON-LD entry point, the OAuth2 token endpoint, and the bearer-protected
 * {@code /api} routes a store app uses, with API Platform's paging, access rules and error documents.
 */
final class CoopCycleApi implements FakeHandler {
    /** A request that passed authentication, with its route's path parameters. */
    private record Call(RecordedRequest request, CoopCycleTokens.Caller caller, RouteTable.Match<Endpoint> match) {
        long id(String name) {
            return Long.parseLong(match.pathParameter(name));
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        FakeResponse answer(Call call);
    }

    static final int DEFAULT_ITEMS_PER_PAGE = 30;
    static final int MAX_ITEMS_PER_PAGE = 100;

    private final CoopCycleState state;
    private final CoopCycleTokens tokens;
    private final String baseUrl;
    private final RouteTable<Endpoint> routes = new RouteTable<>();

    CoopCycleApi(CoopCycleState state, String baseUrl) {
        this.state = state;
        this.tokens = new CoopCycleTokens(state);
        this.baseUrl = baseUrl;
        routes.add("GET", "/api/me", this::me)
                .add("GET", "/api/stores/{id:\\d+}", this::store)
                .add("GET", "/api/stores/{id:\\d+}/deliveries", this::storeDeliveries)
                .add("POST", "/api/deliveries", this::createDelivery)
                .add("GET", "/api/deliveries/{id:\\d+}", this::delivery);
    }

    @Override
    public FakeResponse handle(RecordedRequest request) {
        String path = request.path();
        if (path.equals("/api") || path.equals("/api/")) {
            return request.method().equals("GET") ? entryPoint() : CoopCycleJson.error(405, "Method Not Allowed");
        }
        if (path.equals("/api/settings")) {
            return request.method().equals("GET") ? settings() : CoopCycleJson.error(405, "Method Not Allowed");
        }
        if (path.equals("/oauth2/token")) {
            return request.method().equals("POST") ? tokens.token(request)
                    : CoopCycleJson.json(405, CoopCycleJson.MAPPER.createObjectNode().put("error", "invalid_request"));
        }
        Optional<RouteTable.Match<Endpoint>> match = routes.match(request.method(), path);
        if (match.isEmpty()) {
            return CoopCycleJson.error(404, "No route found for \"" + request.method() + " " + path + "\"");
        }
        CoopCycleTokens.Caller caller = tokens.authenticate(request);
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        return match.get().handler().answer(new Call(request, caller, match.get()));
    }

    private static FakeResponse entryPoint() {
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("@context", "/api/contexts/Entrypoint");
        json.put("@id", "/api");
        json.put("@type", "Entrypoint");
        for (String resource : List.of("address", "delivery", "order", "restaurant", "store", "task", "timeSlot")) {
            json.put(resource, "/api/" + (resource.equals("address") ? "addresses"
                    : resource.equals("delivery") ? "deliveries" : resource.equals("timeSlot") ? "time_slots"
                    : resource + "s"));
        }
        return CoopCycleJson.ld(200, json);
    }

    /** The instance's public settings: its country (whose region parses phones), locale, currency, time zone. */
    private FakeResponse settings() {
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("brand_name", "CoopCycle");
        json.put("country", state.read(() -> state.country));
        json.put("locale", state.read(() -> state.country));
        json.put("currency_code", "eur");
        json.put("timezone", state.zone.getId());
        return CoopCycleJson.json(200, json);
    }

    private FakeResponse me(Call call) {
        CoopCycleApp app = call.caller().app();
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("@context", "/api/contexts/ApiApp");
        json.put("@id", app.iri());
        json.put("@type", "http://schema.org/SoftwareApplication");
        if (app.storeId() == null) {
            json.putNull("store");
        } else {
            json.put("store", "/api/stores/" + app.storeId());
        }
        if (app.shopId() == null) {
            json.putNull("shop");
        } else {
            json.put("shop", "/api/restaurants/" + app.shopId());
        }
        json.put("name", app.name());
        return CoopCycleJson.ld(200, json);
    }

    private FakeResponse store(Call call) {
        Optional<FakeResponse> denied = ownStore(call, call.id("id"), false);
        if (denied.isPresent()) {
            return denied.get();
        }
        CoopCycleState.Store store = state.read(() -> state.stores.get(call.id("id")));
        ObjectNode json = CoopCycleJson.MAPPER.createObjectNode();
        json.put("@context", "/api/contexts/Store");
        json.put("@id", "/api/stores/" + store.id());
        json.put("@type", "http://schema.org/Store");
        json.put("id", store.id());
        json.put("name", store.name());
        json.put("enabled", true);
        ObjectNode address = json.putObject("address");
        address.put("streetAddress", store.streetAddress());
        address.put("telephone", store.telephone());
        json.put("timeSlot", "/api/time_slots/1");
        return CoopCycleJson.ld(200, json);
    }

    /** 403 unless the caller is an app of this store; a missing store is also 403, as the voter denies first. */
    private Optional<FakeResponse> ownStore(Call call, long storeId, boolean needsDeliveriesScope) {
        CoopCycleApp app = call.caller().app();
        if (app.storeId() == null || app.storeId() != storeId) {
            return Optional.of(CoopCycleJson.error(403, "Access Denied."));
        }
        if (needsDeliveriesScope && !call.caller().may("deliveries")) {
            return Optional.of(CoopCycleJson.error(403, "Access Denied."));
        }
        return Optional.empty();
    }

    private FakeResponse storeDeliveries(Call call) {
        long storeId = call.id("id");
        Optional<FakeResponse> denied = ownStore(call, storeId, true);
        if (denied.isPresent()) {
            return denied.get();
        }
        RecordedRequest request = call.request();
        String order = request.queryParameter("order[createdAt]").orElse(null);
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            order = null; // API Platform ignores an order filter value it does not know
        }
        int perPage = DEFAULT_ITEMS_PER_PAGE;
        int page = 1;
        try {
            perPage = Math.min(MAX_ITEMS_PER_PAGE, Integer.parseInt(request.queryParameter("itemsPerPage")
                    .orElse(Integer.toString(DEFAULT_ITEMS_PER_PAGE))));
            page = Integer.parseInt(request.queryParameter("page").orElse("1"));
        } catch (NumberFormatException e) {
            return CoopCycleJson.error(400, "Page and items per page must be integers.");
        }
        if (page < 1) {
            return CoopCycleJson.error(400, "Page should not be less than 1");
        }
        if (perPage < 0) {
            return CoopCycleJson.error(400, "Limit should not be less than 0");
        }
        boolean descending = "desc".equalsIgnoreCase(order);
        int from = (page - 1) * perPage;
        int chosenPerPage = perPage;
        String base = "/api/stores/" + storeId + "/deliveries";
        String trackingBase = baseUrl;
        return state.read(() -> {
            List<CoopCycleDelivery> all = state.deliveriesOf(storeId, descending);
            List<ObjectNode> members = new ArrayList<>();
            for (int i = from; i < Math.min(all.size(), from + chosenPerPage); i++) {
                ObjectNode member = CoopCycleJson.delivery(all.get(i), state.zone, trackingBase);
                state.damage.getOrDefault(all.get(i).id, untouched -> { }).accept(member);
                members.add(member);
            }
            int last = chosenPerPage == 0 ? 1 : Math.max(1, (all.size() + chosenPerPage - 1) / chosenPerPage);
            ObjectNode view = null;
            if (last > 1 || request.hasQuery()) {
                view = CoopCycleJson.MAPPER.createObjectNode();
                view.put("@id", pageIri(base, request, Math.max(1, (from / Math.max(1, chosenPerPage)) + 1)));
                view.put("@type", "hydra:PartialCollectionView");
                view.put("hydra:first", pageIri(base, request, 1));
                view.put("hydra:last", pageIri(base, request, last));
                int current = from / Math.max(1, chosenPerPage) + 1;
                if (current > 1) {
                    view.put("hydra:previous", pageIri(base, request, current - 1));
                }
                if (current < last) {
                    view.put("hydra:next", pageIri(base, request, current + 1));
                }
            }
            return CoopCycleJson.ld(200, CoopCycleJson.collection("/api/contexts/Delivery", base, members,
                    all.size(), view));
        });
    }

    /** The request's own query with {@code page} replaced, encoded as PHP's {@code http_build_query} does. */
    private static String pageIri(String base, RecordedRequest request, int page) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
            if (parameter.getKey().equals("page")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                query.append(query.length() == 0 ? "" : "&").append(encode(parameter.getKey())).append('=')
                        .append(encode(value));
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("page=").append(page);
        return base + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private FakeResponse createDelivery(Call call) {
        CoopCycleApp app = call.caller().app();
        if (app.storeId() == null || !call.caller().may("deliveries")) {
            return CoopCycleJson.error(403, "Access Denied.");
        }
        String type = call.request().header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/ld+json") && !type.startsWith("application/json")) {
            return CoopCycleJson.error(415, "The content-type \"" + type + "\" is not supported.");
        }
        JsonNode body;
        try {
            body = CoopCycleJson.MAPPER.readTree(call.request().body());
        } catch (IOException e) {
            return CoopCycleJson.error(400, "Syntax error");
        }
        if (body == null || !body.isObject()) {
            return CoopCycleJson.error(400, "Syntax error");
        }
        CoopCycleDeliveryInput.Parsed parsed = new CoopCycleDeliveryInput(state).parse(body);
        if (parsed.unreadable() != null) {
            return CoopCycleJson.error(400, parsed.unreadable());
        }
        if (!parsed.violations().isEmpty()) {
            return CoopCycleJson.violations(parsed.violations());
        }
        String trackingBase = baseUrl;
        ObjectNode created = state.write(() -> {
            CoopCycleDelivery delivery = CoopCycleSeeder.create(state, app.storeId(), parsed.pickup(),
                    parsed.dropoff());
            state.clock().advance(state.createTick);
            return CoopCycleJson.delivery(delivery, state.zone, trackingBase);
        });
        created.put("@context", "/api/contexts/Delivery");
        return CoopCycleJson.ld(201, created);
    }

    private FakeResponse delivery(Call call) {
        long id = call.id("id");
        String trackingBase = baseUrl;
        return state.read(() -> {
            CoopCycleDelivery delivery = state.deliveries.get(id);
            if (delivery == null) {
                return CoopCycleJson.error(404, "Not Found");
            }
            CoopCycleApp app = call.caller().app();
            if (app.storeId() == null || app.storeId() != delivery.storeId || !call.caller().may("deliveries")) {
                return CoopCycleJson.error(403, "Access Denied.");
            }
            ObjectNode json = CoopCycleJson.delivery(delivery, state.zone, trackingBase);
            json.put("@context", "/api/contexts/Delivery");
            return CoopCycleJson.ld(200, json);
        });
    }
}
