package io.tributary.testkit.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's {@code graphql.json}: answers the operations the connector sends, by operation name, with Shopify's
 * cost accounting (requested cost taken before, the difference refunded after, THROTTLED with no data when the
 * bucket lacks the points, MAX_COST_EXCEEDED above 1,000) and its scope rules (ACCESS_DENIED for a missing scope;
 * orders older than 60 days left out without {@code read_all_orders}). Not a GraphQL engine: the selection sets
 * are the connector's, fixed.
 */
final class ShopifyGraphQl {
    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");

    private final FakeShopify shop;

    ShopifyGraphQl(FakeShopify shop) {
        this.shop = shop;
    }

    /** The operation name of a query text, or "" when it has none. */
    static String operationName(String query) {
        Matcher m = OPERATION.matcher(query == null ? "" : query);
        return m.find() ? m.group(2) : "";
    }

    ObjectNode answer(JsonNode body, Set<String> scopes) {
        String query = body.path("query").asText("");
        JsonNode vars = body.path("variables");
        String operation = operationName(query);
        int first = Math.max(0, vars.path("first").asInt(0));
        int requested = switch (operation) {
            case "TributaryProducts", "TributaryProductIds" -> 2 + first * (1 + vars.path("variants").asInt(0));
            case "TributaryOrders" -> 2 + first * (1 + vars.path("lines").asInt(0));
            case "TributaryProductVariants", "TributaryOrderLines", "TributaryOrderIds" -> 2 + first;
            case "TributaryBulkStart" -> 10;
            default -> 2;
        };
        ObjectNode answer = ShopifyJson.MAPPER.createObjectNode();
        if (requested > ShopifyBucket.MAX_QUERY_COST) {
            error(answer, "Query cost is " + requested + ", which exceeds the single query max cost limit ("
                    + ShopifyBucket.MAX_QUERY_COST + ").", "MAX_COST_EXCEEDED", null);
            answer.putObject("extensions").set("cost", shop.bucket().cost(requested, null));
            return answer;
        }
        if (!shop.bucket().take(requested)) {
            error(answer, "Throttled", "THROTTLED", null);
            answer.putObject("extensions").set("cost", shop.bucket().cost(requested, null));
            return answer;
        }
        ObjectNode data = answer.putObject("data");
        int actual = 1 + run(operation, query, vars, scopes, data, answer);
        shop.bucket().refund(Math.max(0, requested - actual));
        answer.putObject("extensions").set("cost", shop.bucket().cost(requested, actual));
        return answer;
    }

    /** Fills {@code data}; returns the number of objects returned, the actual cost. */
    private int run(String operation, String query, JsonNode vars, Set<String> scopes, ObjectNode data,
            ObjectNode answer) {
        ShopifyCatalogue catalogue = shop.catalogue();
        Predicate<ShopifyOrder> visible = scopes.contains("read_all_orders") ? o -> true
                : o -> !o.createdAt().isBefore(shop.clock().instant().minus(Duration.ofDays(60)));
        switch (operation) {
            case "TributaryProbe" -> {
                ObjectNode s = data.putObject("shop").put("name", shop.name()).put("myshopifyDomain", shop.domain())
                        .put("currencyCode", shop.currency()).put("ianaTimezone", shop.timezone());
                s.putObject("plan").put("publicDisplayName", shop.plan());
                ArrayNode handles = data.putObject("currentAppInstallation").putArray("accessScopes");
                scopes.stream().sorted().forEach(h -> handles.addObject().put("handle", h));
                return 2;
            }
            case "TributaryScopes" -> {
                ArrayNode handles = data.putObject("currentAppInstallation").putArray("accessScopes");
                scopes.stream().sorted().forEach(h -> handles.addObject().put("handle", h));
                return 1;
            }
            case "TributaryShop" -> {
                data.putObject("shop").put("currencyCode", shop.currency());
                return 1;
            }
            case "TributaryCounts" -> {
                if (allowed(scopes, "read_products", "productsCount", data, answer)) {
                    data.putObject("productsCount").put("count", catalogue.products().size()).put("precision", "EXACT");
                }
                if (allowed(scopes, "read_orders", "ordersCount", data, answer)) {
                    long count = catalogue.orders().stream().filter(visible).count();
                    data.putObject("ordersCount").put("count", count).put("precision", "EXACT");
                }
                return 2;
            }
            case "TributaryProducts", "TributaryProductIds", "TributaryOrders", "TributaryOrderIds",
                    "TributaryProductVariants", "TributaryOrderLines" -> {
                boolean products = operation.startsWith("TributaryProduct");
                if (!allowed(scopes, products ? "read_products" : "read_orders", products ? "products" : "orders",
                        data, answer)) {
                    return 1;
                }
                ShopifyPages pages = new ShopifyPages(catalogue, vars);
                try {
                    return switch (operation) {
                        case "TributaryProducts", "TributaryProductIds" -> pages.products(data); // every field
                        case "TributaryOrders", "TributaryOrderIds" -> pages.orders(data, visible); // every field
                        case "TributaryProductVariants" -> pages.variants(data);
                        default -> pages.lines(data);
                    };
                } catch (IllegalArgumentException e) {
                    error(answer, e.getMessage(), "BAD_REQUEST", null);
                    return 1;
                }
            }
            case "TributaryBulkStart" -> {
                return bulkStart(vars.path("query").asText(""), scopes, data, visible);
            }
            case "TributaryBulkStatus" -> {
                ShopifyBulkOperations.Operation op = shop.bulk().find(vars.path("id").asText(null));
                if (op == null) {
                    data.putNull("bulkOperation");
                } else {
                    data.set("bulkOperation", shop.bulk().status(op, shop.baseUrl()));
                }
                return 1;
            }
            default -> {
                error(answer, "The fake Shopify does not answer the operation '" + operation + "'.", "BAD_REQUEST", null);
                return 0;
            }
        }
    }

    private int bulkStart(String bulkQuery, Set<String> scopes, ObjectNode data, Predicate<ShopifyOrder> visible) {
        ObjectNode payload = data.putObject("bulkOperationRunQuery");
        ArrayNode userErrors = payload.putArray("userErrors");
        String refusal = shop.bulk().takeRefusal();
        String scope = bulkQuery.trim().startsWith("{ orders") || bulkQuery.contains("orders(") ? "read_orders"
                : "read_products";
        if (refusal == null && !scopes.contains(scope)) {
            refusal = "Access denied for " + (scope.equals("read_orders") ? "orders" : "products")
                    + " field. Required access: `" + scope + "` access scope.";
        }
        ShopifyBulkOperations.Operation op = refusal == null ? shop.bulk().start(bulkQuery, shop.catalogue(), visible)
                : null;
        if (op == null) {
            payload.putNull("bulkOperation");
            userErrors.addObject().putNull("field").put("message", refusal != null ? refusal
                    : "Bulk query must select products or orders in the fake Shopify.").putNull("code");
            return 1;
        }
        payload.putObject("bulkOperation").put("id", op.gid()).put("status", "CREATED");
        return 1;
    }

    private static boolean allowed(Set<String> scopes, String scope, String field, ObjectNode data, ObjectNode answer) {
        if (scopes.contains(scope)) {
            return true;
        }
        data.putNull(field);
        error(answer, "Access denied for " + field + " field. Required access: `" + scope + "` access scope.",
                "ACCESS_DENIED", field);
        return false;
    }

    private static void error(ObjectNode answer, String message, String code, String path) {
        ArrayNode errors = answer.has("errors") ? (ArrayNode) answer.get("errors") : answer.putArray("errors");
        ObjectNode error = errors.addObject().put("message", message);
        if (path != null) {
            error.putArray("path").add(path);
        }
        error.putObject("extensions").put("code", code);
    }
}
