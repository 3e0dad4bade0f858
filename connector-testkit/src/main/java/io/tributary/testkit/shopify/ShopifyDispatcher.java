package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Routes the fake shop's HTTP: {@code POST /admin/oauth/access_token} (client credentials, form or JSON),
 * {@code POST /admin/api/{version}/graphql.json} (401 without a valid {@code X-Shopify-Access-Token}, 402 for a
 * frozen shop, the served version in {@code X-Shopify-API-Version}), and the bulk result download. Anything else
 * is a 404 page. Every request is logged and may meet a planned fault.
 */
final class ShopifyDispatcher extends Dispatcher {
    private static final Pattern GRAPHQL = Pattern.compile("^/admin/api/([^/]+)/graphql\\.json$");
    private static final Pattern BULK = Pattern.compile("^/bulk-results/(\\d+)\\.jsonl$");
    private static final String INVALID_TOKEN =
            "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";

    private final FakeShopify shop;
    private final ShopifyGraphQl graphQl;

    ShopifyDispatcher(FakeShopify shop) {
        this.shop = shop;
        this.graphQl = new ShopifyGraphQl(shop);
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        String body = recorded.getBody() == null ? "" : recorded.getBody().utf8();
        String path = recorded.getUrl().encodedPath();
        JsonNode json = path.endsWith("graphql.json") ? parse(body) : null;
        String operation = json == null ? "" : ShopifyGraphQl.operationName(json.path("query").asText(""));
        Map<String, String> variables = new LinkedHashMap<>();
        if (json != null) {
            json.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
        }
        ShopifyRequest request = new ShopifyRequest(recorded.getMethod(), path, operation, recorded.getHeaders(), body,
                variables);
        shop.log(request);
        MockResponse fault = shop.faults().next(request);
        MockResponse response = fault != null ? fault : route(request, json);
        shop.faults().answered(request);
        return response;
    }

    private MockResponse route(ShopifyRequest request, JsonNode json) {
        Matcher graphqlPath = GRAPHQL.matcher(request.path());
        if (request.method().equals("POST") && request.path().equals("/admin/oauth/access_token")) {
            return token(request);
        }
        if (request.method().equals("POST") && graphqlPath.matches()) {
            ShopifyAccess.Grant grant = shop.access().grant(request.accessToken());
            if (grant == null) {
                return json(401, INVALID_TOKEN);
            }
            if (shop.frozen()) {
                return json(402, "{\"errors\":\"Unavailable Shop\"}");
            }
            if (json == null || !json.path("query").isTextual()) {
                return json(400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
            }
            ObjectNode answer = graphQl.answer(json, grant.scopes());
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
                    .addHeader("X-Shopify-API-Version", shop.servedVersion(graphqlPath.group(1)))
                    .addHeader("X-Request-Id", java.util.UUID.randomUUID().toString()).body(answer.toString()).build();
        }
        Matcher bulk = BULK.matcher(request.path());
        if (request.method().equals("GET") && bulk.matches()) {
            ShopifyBulkOperations.Operation op = shop.bulk().byId(Long.parseLong(bulk.group(1)));
            if (op == null) {
                return new MockResponse.Builder().code(403).body("<Error><Code>AccessDenied</Code></Error>").build();
            }
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/jsonl")
                    .body(op.jsonl()).build();
        }
        return new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><head><title>Page Not Found</title></head><body>Not Found</body></html>")
                .build();
    }

    private MockResponse token(ShopifyRequest request) {
        Map<String, String> form = request.headers().get("Content-Type") != null
                && request.headers().get("Content-Type").startsWith("application/json") ? jsonForm(request.body())
                : form(request.body());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"The grant type is not "
                    + "supported.\"}");
        }
        String token = shop.access().clientCredentials(form.get("client_id"), form.get("client_secret"));
        if (token == null) {
            return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}");
        }
        ObjectNode reply = ShopifyJson.MAPPER.createObjectNode().put("access_token", token)
                .put("scope", String.join(",", shop.access().appScopes().stream().sorted().toList()))
                .put("expires_in", shop.access().lifetime().toSeconds());
        return json(200, reply.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static Map<String, String> jsonForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        JsonNode json = parse(body);
        if (json != null) {
            json.fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));
        }
        return form;
    }

    private static JsonNode parse(String body) {
        try {
            return ShopifyJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
