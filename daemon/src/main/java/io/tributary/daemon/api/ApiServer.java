package io.tributary.daemon.api;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tributary.daemon.App;
import io.tributary.daemon.metrics.Metrics;
import io.tributary.run.SyncInProgressException;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP server (Javalin): {@code GET /health} and {@code GET /metrics} (no key; neither holds a secret
 * or a customer's data), the admin API under {@code /api/v1}, with its OpenAPI document at
 * {@code /api/v1/openapi.json}, and the web console at {@code /} (static files that call the API with the key the
 * admin signs in with). Every request it answers is counted by method, route template and status. Holds no state
 * of its own between requests: every node of a cluster answers any request from the central store.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private final Javalin javalin;
    private final SyncPlacement syncs;
    private final RouteTemplates served;
    private final IntakeRoutes intakeRoutes;

    private ApiServer(Javalin javalin, SyncPlacement syncs, RouteTemplates served, IntakeRoutes intakeRoutes) {
        this.javalin = javalin;
        this.syncs = syncs;
        this.served = served;
        this.intakeRoutes = intakeRoutes;
    }

    /** Starts serving on {@code port} (0: a free port) of the loopback address. */
    public static ApiServer start(int port, App app, Supplier<Map<String, Object>> health) {
        return start(java.net.InetAddress.getLoopbackAddress().getHostAddress(), port, app, health);
    }

    /**
     * Starts serving on {@code port} (0: a free port) of {@code host} (an address of this machine).
     *
     * @param health the current health: a map whose {@code status} is {@code UP} or {@code DOWN}
     * @throws io.javalin.util.JavalinBindException when the port cannot be bound
     */
    public static ApiServer start(String host, int port, App app, Supplier<Map<String, Object>> health) {
        return start(host, port, app, health, null);
    }

    /**
     * As {@link #start(String, int, App, Supplier)}; with {@code syncNow} (a daemon's scheduler), "sync now" runs
     * wherever the cluster's scheduler places it rather than on this node.
     */
    public static ApiServer start(String host, int port, App app, Supplier<Map<String, Object>> health,
            io.tributary.scheduler.SyncNow syncNow) {
        Metrics metrics = app.metrics();
        RouteTemplates served = new RouteTemplates();
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/console";
                files.location = Location.CLASSPATH;
                // The console's script sends the admin's key: nothing but its own files may run or be fetched.
                files.headers = Map.of("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                        "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
            });
            config.events(events -> events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod()) {
                    served.add(meta.getHttpMethod().name(), meta.getPath());
                }
            }));
            config.requestLogger.http((ctx, millis) -> metrics.apiRequests().answered(ctx.method().name(),
                    served.of(ctx.method().name(), ctx.path()), ctx.statusCode(), (long) (millis * 1_000_000)));
        });
        SyncStarter here = new SyncStarter(app::syncs, app.config().stopTimeout());
        SyncPlacement syncs = syncNow == null ? here : new ScheduledSyncStarter(app, syncNow, here);
        ApiAccess access = new ApiAccess(app.apiKeys(), app.connections());
        javalin.get("/health", ctx -> {
            Map<String, Object> report = health.get();
            ctx.status("UP".equals(report.get("status")) ? 200 : 503).json(report);
        });
        // load balancers and uptime checks often ask with HEAD: the same status, no body
        javalin.head("/health", ctx -> ctx.status("UP".equals(health.get().get("status")) ? 200 : 503));
        javalin.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape()));
        javalin.before(ApiRoutes.BASE + "/*", ctx -> {
            if (!ctx.path().equals(ApiRoutes.BASE + "/openapi.json")) {
                access.authenticate(ctx);
            }
        });
        ApiRoutes routes = new ApiRoutes(javalin);
        new CatalogEndpoints(app.registry()).register(routes);
        new StoreEndpoints(app).register(routes);
        new ConnectionEndpoints(app, access).register(routes);
        new ScheduleEndpoints(app, access, syncs).register(routes);
        IntakeRoutes intakeRoutes = new IntakeRoutes(app);
        new RecordEndpoints(app, access, intakeRoutes).register(routes);
        new CustomerEndpoints(app).register(routes);
        new RouteEndpoints(app, access).register(routes);
        new KeyEndpoints(app).register(routes);
        routes.route(HandlerType.GET, "/openapi.json", null, "This document (no key needed).")
                .to(ctx -> ctx.json(OpenApiDocument.build(routes.all())));
        mapFailures(javalin);
        javalin.start(host, port);
        return new ApiServer(javalin, syncs, served, intakeRoutes);
    }

    private static void mapFailures(Javalin javalin) {
        javalin.exception(ApiFailure.class, (e, ctx) -> {
            Map<String, Object> body = error(e.getMessage());
            body.putAll(e.details());
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(e.status()).json(body);
        });
        javalin.exception(InvalidInputException.class, (e, ctx) -> {
            Map<String, Object> body = error(e.getMessage());
            body.put("problems", e.problems().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
            ctx.status(400).json(body);
        });
        javalin.exception(NotFoundException.class, (e, ctx) -> ctx.status(404).json(error(e.getMessage())));
        javalin.exception(SyncInProgressException.class, (e, ctx) -> {
            Map<String, Object> body = error(e.getMessage());
            body.put("runId", e.runId());
            ctx.status(409).json(body);
        });
        javalin.exception(io.tributary.writeback.StatusChangeRefusedException.class, (e, ctx) -> {
            Map<String, Object> body = error(e.getMessage());
            if (e.write() != null) {
                body.put("statusWrite", io.tributary.daemon.cli.render.StatusWriteRenderer.json(e.write()));
            }
            ctx.status(e.reason() == io.tributary.writeback.StatusChangeRefusedException.Reason.SHOP_REFUSED ? 502
                    : 409).json(body);
        });
        javalin.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(error(e.getMessage())));
        javalin.exception(StoreException.class, (e, ctx) -> {
            log.warn("API request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(503).json(error("The database is unreachable; try again later."));
        });
        javalin.exception(Exception.class, (e, ctx) -> {
            log.error("API request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error("Internal error; the daemon's log has the details."));
        });
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }

    public int port() {
        return javalin.port();
    }

    /** What Javalin registered, as {@code VERB /path}: what the OpenAPI document must describe. */
    public List<String> servedRoutes() {
        return served.all();
    }

    @Override
    public void close() {
        javalin.stop();
        intakeRoutes.close();
        syncs.close();
    }
}
