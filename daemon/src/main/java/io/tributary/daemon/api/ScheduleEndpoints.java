package io.tributary.daemon.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.tributary.apikey.ApiCaller;
import io.tributary.apikey.ApiMethods;
import io.tributary.connection.ConnectionView;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.RejectedRecordRenderer;
import io.tributary.daemon.cli.render.ScheduleRenderer;
import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.route.RouteRun;
import io.tributary.run.SyncRun;
import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleChange;
import io.tributary.schedule.ScheduleDefaults;
import io.tributary.schedule.ScheduleKind;
import io.tributary.schedule.ScheduleView;
import io.tributary.spi.EntityType;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Schedules (list, set), "sync now" (202 with the run; 409 naming the run already syncing) and runs. */
final class ScheduleEndpoints {
    private static final ScheduleRenderer SCHEDULES = new ScheduleRenderer(Clock.systemUTC());
    private static final SyncRunRenderer RUNS = new SyncRunRenderer();
    private final App app;
    private final ApiAccess access;
    private final SyncPlacement syncs;

    ScheduleEndpoints(App app, ApiAccess access, SyncPlacement syncs) {
        this.app = app;
        this.access = access;
        this.syncs = syncs;
    }

    void register(ApiRoutes routes) {
        routes.route(GET, "/schedules", ApiMethods.SCHEDULES_READ, "Schedules of the connections the key reaches.")
                .query("connection").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.SCHEDULES_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    input.check();
                    if (connection != null) {
                        access.visibleConnection(caller, connection);
                    }
                    Set<Long> visible = visibleConnectionIds(caller);
                    ctx.json(app.schedules().list(connection).stream()
                            .filter(s -> visible == null || visible.contains(s.connectionId()))
                            .map(s -> SCHEDULES.json(s)).toList());
                });
        routes.route(PUT, "/connections/{id}/schedules/{entity}", ApiMethods.SCHEDULES_WRITE,
                "Change a schedule: what the body gives; kind reconcile for the entity's reconciliation pass.")
                .body("kind", "frequency", "dayOfWeek", "time", "startDate", "zone", "active").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.SCHEDULES_WRITE);
                    Input input = new Input(ctx);
                    long id = input.pathId("id");
                    EntityType entity = input.parse("entity", ctx.pathParam("entity"), EntityType::parse, "");
                    ScheduleKind kind = input.parse("kind", input.text("kind"), ScheduleKind::parse, "");
                    ScheduleChange change = new ScheduleChange(
                            input.parse("frequency", input.text("frequency"), Frequency::parse, ""),
                            input.parse("dayOfWeek", input.text("dayOfWeek"), ScheduleDefaults::parseDay, ""),
                            input.parse("time", input.text("time"), LocalTime::parse, "a time such as 03:30"),
                            input.parse("startDate", input.text("startDate"), LocalDate::parse,
                                    "a date such as 2026-12-01"),
                            input.parse("zone", input.text("zone"), ScheduleEndpoints::zone, "a time zone"),
                            input.bool("active"));
                    input.check();
                    access.visibleConnection(caller, id);
                    ScheduleView view = app.schedules().set(id, entity, kind == null ? ScheduleKind.SYNC : kind,
                            change);
                    ctx.json(SCHEDULES.json(view));
                });
        routes.route(POST, "/connections/{id}/syncs", ApiMethods.SYNCS_RUN,
                "Sync now: 202 with the run as soon as it is recorded; 409 naming the run when one is running.")
                .status(202).body("entity", "full").to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.SYNCS_RUN);
                    Input input = new Input(ctx);
                    long id = input.pathId("id");
                    String entityText = input.text("entity");
                    if (entityText == null) {
                        input.problem("entity", "The entity is required: products, orders or customers.");
                    }
                    EntityType entity = input.parse("entity", entityText, EntityType::parse, "");
                    Boolean full = input.bool("full");
                    input.check();
                    access.visibleConnection(caller, id);
                    SyncRun run = syncs.start(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL,
                            Boolean.TRUE.equals(full)));
                    ctx.status(202).header("Location", ApiRoutes.BASE + "/runs/" + run.id()).json(RUNS.json(new SyncService.Result(run, List.of())));
                });
        routes.route(GET, "/runs", ApiMethods.RUNS_READ, "Runs, newest first, with the route runs that followed them.").query("connection", "entity", "limit")
                .to(ctx -> {
                    ApiCaller caller = ApiAccess.require(ctx, ApiMethods.RUNS_READ);
                    Input input = new Input(ctx);
                    Long connection = input.queryLong("connection");
                    EntityType entity = input.parse("entity", input.query("entity"), EntityType::parse, "");
                    int limit = input.limit(20, 1000);
                    input.check();
                    if (connection != null) {
                        access.visibleConnection(caller, connection);
                    }
                    app.leases().abandonExpired();
                    List<SyncRun> runs = app.runs().list(connection, visibleConnectionIds(caller), entity, limit);
                    ctx.json(withRoutes(runs));
                });
        routes.route(GET, "/runs/{id}", ApiMethods.RUNS_READ, "One run.").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.RUNS_READ);
            long id = ConnectionEndpoints.id(ctx);
            app.leases().abandonExpired();
            SyncRun run = app.runs().find(id);
            try {
                access.visibleConnection(caller, run.connectionId());
            } catch (io.tributary.store.NotFoundException hidden) {
                throw new io.tributary.store.NotFoundException("There is no run with id " + id + ".");
            }
            ctx.json(withRoutes(run));
        });
        routes.route(GET, "/runs/{id}/rejects", ApiMethods.RUNS_READ, "Records the run could not read and set aside, "
                + "newest first, with why and what the system sent.").query("limit", "before").to(ctx -> {
            ApiCaller caller = ApiAccess.require(ctx, ApiMethods.RUNS_READ);
            long id = ConnectionEndpoints.id(ctx);
            Input input = new Input(ctx);
            int limit = input.limit(100, 1000);
            Long before = input.queryLong("before");
            input.check();
            SyncRun run = app.runs().find(id);
            try {
                access.visibleConnection(caller, run.connectionId());
            } catch (io.tributary.store.NotFoundException hidden) {
                throw new io.tributary.store.NotFoundException("There is no run with id " + id + ".");
            }
            RejectedRecordRenderer renderer = new RejectedRecordRenderer();
            ctx.json(app.rejectedRecords().list(id, null, before, limit).stream().map(renderer::json).toList());
        });
    }

    /** A run with the route runs that followed it (a list reads them in one query). */
    private Map<String, Object> withRoutes(SyncRun run) {
        return withRoutes(List.of(run)).get(0);
    }

    private List<Map<String, Object>> withRoutes(List<SyncRun> runs) {
        Map<Long, List<RouteRun>> routed = app.routeRuns().forSyncRuns(runs.stream().map(SyncRun::id).toList());
        return runs.stream().map(run -> RUNS.json(new SyncService.Result(run, routed.getOrDefault(run.id(),
                List.of())))).toList();
    }

    /** Ids of the connections the caller reaches, or null for every connection. */
    private Set<Long> visibleConnectionIds(ApiCaller caller) {
        if (ApiAccess.storeScope(caller) == null) {
            return null;
        }
        return app.connections().list(null, null, null).stream().filter(c -> caller.reaches(c.storeCode()))
                .map(ConnectionView::id).collect(Collectors.toSet());
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + text + "'.");
        }
    }


}
