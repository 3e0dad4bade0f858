package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionView;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.ConnectionRenderer;
import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.daemon.cli.render.VerificationRenderer;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.VerificationResult;
import io.tributary.store.InvalidInputException;
import io.tributary.sync.SyncService;
import java.util.List;
import java.util.Map;

/**
 * Connections: the same operations as {@code tributary connection}, secrets write-only (always {@code ****} in
 * answers). A connection's store must exist and be one the key reaches.
 */
final class ConnectionEndpoints {
    private static final ConnectionRenderer CONNECTIONS = new ConnectionRenderer();
    private static final VerificationRenderer VERIFICATIONS = new VerificationRenderer();
    private static final SyncRunRenderer RUNS = new SyncRunRenderer();
    private final App app;
    private final ApiAccess access;

    ConnectionEndpoints(App app, ApiAccess access) {
        this.app = app;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/connections", ApiMethods.CONNECTIONS_READ, "Connections of the stores the key reaches, each with its newest run.")
                .query("system", "store", "enabled").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_READ);
                    Input input = new Input(ctx);
                    Boolean enabled = input.queryBoolean("enabled");
                    input.check();
                    Map<Long, SyncRun> lastRuns = app.runs().latestPerConnection();
                    ctx.json(app.connections().list(input.query("system"), input.query("store"), enabled).stream()
                            .filter(c -> caller.reaches(c.storeCode())).map(c -> withLastRun(c, lastRuns.get(c.id())))
                            .toList());
                });
        routes.route(POST, "/connections/verify", ApiMethods.CONNECTIONS_VERIFY,
                "Verify credentials before saving anything.").body("system", "url", "credentials").to(ctx -> {
                    ApiAccess.require(ctx, ApiMethods.CONNECTIONS_VERIFY);
                    Input input = new Input(ctx);
                    ConnectionDraft draft = new ConnectionDraft(input.text("system"), "unsaved", input.text("url"),
                            null, input.stringMap("credentials"));
                    input.check();
                    ctx.json(VERIFICATIONS.json(verify(app.connections().prepare(draft))));
                });
        routes.route(POST, "/connections", ApiMethods.CONNECTIONS_WRITE, "Add a connection (validated offline).")
                .status(201).body("system", "name", "url", "store", "credentials").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
                    ConnectionDraft draft = draft(ctx, caller);
                    ctx.status(201).json(CONNECTIONS.jsonWithFields(app.connections().add(draft)));
                });
        routes.route(GET, "/connections/{id}", ApiMethods.CONNECTIONS_READ, "One connection.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_READ);
            ctx.json(CONNECTIONS.jsonWithFields(access.visibleConnection(caller, id(ctx))));
        });
        routes.route(PATCH, "/connections/{id}", ApiMethods.CONNECTIONS_WRITE,
                "Change a connection: what the body gives (credentials merge; an empty value removes one).")
                .body("name", "url", "store", "credentials").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
                    long id = id(ctx);
                    access.visibleConnection(caller, id);
                    ConnectionDraft change = draft(ctx, caller);
                    ctx.json(CONNECTIONS.jsonWithFields(app.connections().update(id, change)));
                });
        routes.route(POST, "/connections/{id}/enable", ApiMethods.CONNECTIONS_WRITE, "Enable a connection.")
                .to(ctx -> setEnabled(ctx, true));
        routes.route(POST, "/connections/{id}/disable", ApiMethods.CONNECTIONS_WRITE,
                "Disable a connection (its schedules pause).").to(ctx -> setEnabled(ctx, false));
        routes.route(DELETE, "/connections/{id}", ApiMethods.CONNECTIONS_WRITE,
                "Remove a connection with its schedules, runs and records (keepRecords=true: its products and "
                        + "orders stay).").query("keepRecords").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
                    long id = id(ctx);
                    access.visibleConnection(caller, id);
                    String keep = ctx.queryParam("keepRecords");
                    if (keep != null && !keep.equals("true") && !keep.equals("false")) {
                        throw new InvalidInputException("keepRecords", "keepRecords must be true or false, got '"
                                + keep + "'.");
                    }
                    boolean keepRecords = "true".equals(keep);
                    app.connections().remove(id, keepRecords);
                    ctx.json(new io.tributary.daemon.cli.render.RemovalRenderer().json(id, keepRecords));
                });
        routes.route(POST, "/connections/{id}/verify", ApiMethods.CONNECTIONS_VERIFY,
                "Verify a saved connection; with a body, verify it with those changes applied, saving nothing.")
                .body("name", "url", "credentials").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_VERIFY);
                    long id = id(ctx);
                    access.visibleConnection(caller, id);
                    if (ctx.body().isBlank()) {
                        VerificationResult result = verify(app.connections().settings(id));
                        app.connections().recordVerification(id, result.ok());
                        ctx.json(VERIFICATIONS.json(result));
                        return;
                    }
                    // an edit verified before it is saved: what is stored has not been verified by it
                    Input input = new Input(ctx);
                    ConnectionDraft change = new ConnectionDraft(null, input.text("name"), input.text("url"), null,
                            input.stringMap("credentials"));
                    input.check();
                    ctx.json(VERIFICATIONS.json(verify(app.connections().preview(id, change))));
                });
    }

    /** A connection of a listing, with its newest run (or null) so a list shows when it last ran and how. */
    private static Map<String, Object> withLastRun(ConnectionView connection, SyncRun lastRun) {
        Map<String, Object> json = CONNECTIONS.json(connection);
        json.put("lastRun", lastRun == null ? null : RUNS.json(new SyncService.Result(lastRun, List.of())));
        return json;
    }

    private void setEnabled(Context ctx, boolean enabled) {
        ApiCaller caller = ApiAccess.require(ctx, ApiMethods.CONNECTIONS_WRITE);
        long id = id(ctx);
        access.visibleConnection(caller, id);
        ctx.json(CONNECTIONS.json(app.connections().setEnabled(id, enabled)));
    }

    private ConnectionDraft draft(Context ctx, ApiCaller caller) {
        Input input = new Input(ctx);
        ConnectionDraft draft = new ConnectionDraft(input.text("system"), input.text("name"), input.text("url"),
                input.text("store"), input.stringMap("credentials"));
        input.check();
        String store = draft.storeCode();
        if (store != null && (!caller.reaches(store) || !app.stores().exists(store))) {
            throw new InvalidInputException("store", "There is no store with code '" + store + "'"
                    + (caller.reaches(store) ? "; add it first (POST /api/v1/stores)." : "."));
        }
        if (store == null && ctx.method() == io.javalin.http.HandlerType.POST
                && !caller.reaches(io.tributary.connection.Store.DEFAULT_CODE)) {
            throw new InvalidInputException("store", "The store is required: this key does not reach the default "
                    + "store.");
        }
        return draft;
    }

    static long id(Context ctx) {
        Input input = new Input(ctx);
        long id = input.pathId("id");
        input.check();
        return id;
    }

    private VerificationResult verify(ConnectionSettings settings) {
        return app.verifier().verify(settings);
    }

    static boolean visible(ApiCaller caller, ConnectionView connection) {
        return caller.reaches(connection.storeCode());
    }
}
