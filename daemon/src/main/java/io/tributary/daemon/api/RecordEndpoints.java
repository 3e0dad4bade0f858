package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.daemon.cli.render.ProductRenderer;
import io.tributary.daemon.cli.render.ValueFormats;
import io.tributary.intake.OrderPost;
import io.tributary.intake.PostedOrder;
import io.tributary.record.Deleted;
import io.tributary.record.KeysetPage;
import io.tributary.record.OrderStatus;
import io.tributary.record.RecordQueries;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.NotFoundException;
import io.tributary.writeback.OrderRef;
import io.tributary.daemon.cli.render.StatusWriteRenderer;
import io.tributary.writeback.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
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
    private final IntakeRoutes intakeRoutes;

    RecordEndpoints(App app, ApiAccess access, IntakeRoutes intakeRoutes) {
        this.app = app;
        this.access = access;
        this.intakeRoutes = intakeRoutes;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/products", ApiMethods.PRODUCTS_READ, "Products by connection and id, in keyset pages; "
                + "those deleted at the source left out unless deleted=include|only.")
                .query("connection", "store", "sku", "deleted", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.PRODUCTS_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    Deleted deleted = input.queryDeleted();
                    int limit = input.limit(DEFAULT_PAGE, RecordQueries.MAX_PAGE);
                    input.check();
                    Set<String> stores = scope(caller, connection, input.query("store"));
                    var page = app.records().productPage(stores, connection, input.query("sku"), deleted,
                            input.query("after"), limit);
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
        routes.route(POST, "/orders", ApiMethods.ORDERS_WRITE, "Send in an order (a landing page's) for one store; "
                + "its number is the idempotency key: posted again, the stored order is answered (200, not 201).")
                .status(201).body("store", "number", "status", "currency", "total", "totalTax", "shippingTotal",
                        "discountTotal", "createdAt", "customer", "lines", "shipping").to(this::postOrder);
        routes.route(PATCH, "/orders/{id}", ApiMethods.ORDERS_WRITE, "Change an order's status ({id} is "
                + "CONNECTION:EXTERNAL_ID); written back to the shop it came from first, and changed here only when "
                + "the shop took it. An order that already has the status is answered as it is, nothing written.")
                .body("status").to(this::patchOrder);
        routes.route(GET, "/orders/{id}", ApiMethods.ORDERS_READ, "One order ({id} is CONNECTION:EXTERNAL_ID) with "
                + "its lines, also when deleted at the source, and every attempt to write its status back to its shop "
                + "(statusWrites, oldest first).").to(this::getOrder);
        routes.route(GET, "/orders", ApiMethods.ORDERS_READ, "Orders with their lines, in keyset pages; by status or "
                + "order number; those deleted at the source left out unless deleted=include|only.")
                .query("connection", "store", "status", "number", "deleted", "after", "limit").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    Deleted deleted = input.queryDeleted();
                    int limit = input.limit(DEFAULT_PAGE, RecordQueries.MAX_PAGE);
                    input.check();
                    Set<String> stores = scope(caller, connection, input.query("store"));
                    var page = app.records().orderPage(stores, connection, input.query("status"),
                            input.query("number"), deleted, input.query("after"), limit);
                    ctx.json(page(page.items().stream().map(new OrderRenderer()::json).toList(), page.next()));
                });
    }

    /**
     * {@code POST /orders}: an order sent in by a landing page for one store the key reaches. Amounts and quantities
     * are decimal strings, so no amount passes through a binary floating point number on either side.
     */
    private void postOrder(io.javalin.http.Context ctx) {
        ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_WRITE);
        Input input = new Input(ctx);
        JsonNode body = input.body();
        List<ValidationProblem> problems = new ArrayList<>();
        String store = text(body, "store", problems);
        if (store != null && !caller.reaches(store)) {
            throw new NotFoundException("There is no store '" + store + "'.");
        }
        OrderPost.Customer customer = null;
        JsonNode customerNode = body.get("customer");
        if (customerNode != null && !customerNode.isNull()) {
            if (customerNode.isObject()) {
                customer = new OrderPost.Customer(text(customerNode, "name", "customer.name", problems),
                        text(customerNode, "email", "customer.email", problems),
                        text(customerNode, "phone", "customer.phone", problems));
            } else {
                problems.add(new ValidationProblem("customer", "The customer must be an object (name, email, "
                        + "phone)."));
            }
        }
        List<OrderPost.Line> lines = null;
        JsonNode linesNode = body.get("lines");
        if (linesNode != null && !linesNode.isNull()) {
            if (linesNode.isArray()) {
                lines = new ArrayList<>();
                for (int i = 0; i < linesNode.size(); i++) {
                    JsonNode line = linesNode.get(i);
                    String at = "lines[" + i + "]";
                    if (!line.isObject()) {
                        problems.add(new ValidationProblem(at, "A line must be an object (sku, name, quantity, "
                                + "unitPrice)."));
                        lines.add(null);
                        continue;
                    }
                    lines.add(new OrderPost.Line(text(line, "sku", at + ".sku", problems),
                            text(line, "name", at + ".name", problems),
                            decimal(line, "quantity", at + ".quantity", problems),
                            decimal(line, "unitPrice", at + ".unitPrice", problems)));
                }
            } else {
                problems.add(new ValidationProblem("lines", "The lines must be a list."));
            }
        }
        OrderPost post = new OrderPost(store, text(body, "number", problems), text(body, "status", problems),
                text(body, "currency", problems), decimal(body, "total", "total", problems),
                decimal(body, "totalTax", "totalTax", problems),
                decimal(body, "shippingTotal", "shippingTotal", problems),
                decimal(body, "discountTotal", "discountTotal", problems), text(body, "createdAt", problems),
                customer, lines, shipping(body.get("shipping"), problems));
        PostedOrder posted = app.orderIntake().post(post, problems);
        if (posted.created()) {
            intakeRoutes.orderCameIn(posted.order().connectionId());
        }
        ctx.status(posted.created() ? 201 : 200).json(new OrderRenderer().json(posted.order()));
    }

    /** Where the order goes, for a route to a courier; null when the body gives none. */
    private static OrderPost.Shipping shipping(JsonNode node, List<ValidationProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new ValidationProblem("shipping", "The shipping must be an object (name, company, phone, "
                    + "street, streetExtra, postcode, city, state, country, note)."));
            return null;
        }
        return new OrderPost.Shipping(text(node, "name", "shipping.name", problems),
                text(node, "company", "shipping.company", problems), text(node, "phone", "shipping.phone", problems),
                text(node, "street", "shipping.street", problems),
                text(node, "streetExtra", "shipping.streetExtra", problems),
                text(node, "postcode", "shipping.postcode", problems), text(node, "city", "shipping.city", problems),
                text(node, "state", "shipping.state", problems), text(node, "country", "shipping.country", problems),
                text(node, "note", "shipping.note", problems));
    }

    /** {@code GET /orders/{id}}: the order and its status writes; 404 outside the key's stores. */
    private void getOrder(io.javalin.http.Context ctx) {
        ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_READ);
        OrderRef id = OrderRef.parse(ctx.pathParam("id"));
        var order = app.records().order(ApiAccess.storeScope(caller), id.connectionId(), id.externalId(),
                Deleted.INCLUDE).orElseThrow(() -> new NotFoundException("There is no order " + id + "."));
        Map<String, Object> json = new LinkedHashMap<>(new OrderRenderer().json(order));
        json.put("statusWrites", app.orderStatusChanges().writes(id.connectionId(), id.externalId()).stream()
                .map(StatusWriteRenderer::json).toList());
        ctx.json(json);
    }

    /** {@code PATCH /orders/{id}} {@code {"status"}}: the order (with {@code statusWrite}, the shop's answer, or null). */
    private void patchOrder(io.javalin.http.Context ctx) {
        ApiCaller caller = ApiAccess.require(ctx, ApiMethods.ORDERS_WRITE);
        OrderRef id = OrderRef.parse(ctx.pathParam("id"));
        Input input = new Input(ctx);
        JsonNode body = input.body();
        List<ValidationProblem> problems = new ArrayList<>();
        String status = text(body, "status", problems);
        if (!problems.isEmpty()) {
            throw new io.tributary.store.InvalidInputException(problems);
        }
        StatusChange change = app.orderStatusChanges().change(ApiAccess.storeScope(caller), id.connectionId(),
                id.externalId(), status, "api key " + caller.keyId());
        Map<String, Object> json = new LinkedHashMap<>(new OrderRenderer().json(change.order()));
        json.put("statusWrite", change.write() == null ? null : StatusWriteRenderer.json(change.write()));
        ctx.json(json);
    }

    private static String text(JsonNode object, String field, List<ValidationProblem> problems) {
        return text(object, field, field, problems);
    }

    private static String text(JsonNode object, String field, String path, List<ValidationProblem> problems) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new ValidationProblem(path, "The " + path + " must be a string."));
            return null;
        }
        return node.asText();
    }

    /** A decimal string; a JSON number is refused, as it may already have lost digits in the sender's hands. */
    private static String decimal(JsonNode object, String field, String path, List<ValidationProblem> problems) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new ValidationProblem(path, "The " + path + " must be a decimal string (such as "
                    + "\"12.50\"), not " + (node.isNumber() ? "a JSON number" : node.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT)) + "."));
            return null;
        }
        return node.asText();
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
        json.put("deletedAt", ValueFormats.time(s.deletedAt()));
        return json;
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, String next) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("next", next);
        return json;
    }
}
