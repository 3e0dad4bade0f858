package io.tributary.route;

import static java.util.Objects.requireNonNull;

import io.tributary.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Route runs and their refusals, in {@code route_run} and {@code route_refusal}. */
public final class RouteRuns {
    private static final String SELECT = "SELECT rr.*, r.target_connection_id FROM route_run rr"
            + " JOIN route r ON r.id = rr.route_id";
    private final Jdbc jdbc;

    public RouteRuns(DataSource dataSource) {
        this.jdbc = new Jdbc(requireNonNull(dataSource, "dataSource is null"));
    }

    long start(long routeId, Long syncRunId, Instant now) {
        return jdbc.insert("INSERT INTO route_run (route_id, sync_run_id, outcome, started_at, posted_count,"
                + " reconciled_count, refused_count, waiting_count) VALUES (?, ?, 'RUNNING', ?, 0, 0, 0, 0)",
                List.of(routeId, Jdbc.orNull(syncRunId), now));
    }

    void refusal(long runId, String orderExternalId, String orderNumber, String reason) {
        jdbc.update("INSERT INTO route_refusal (route_run_id, order_external_id, order_number, reason)"
                + " VALUES (?, ?, ?, ?)", List.of(runId, orderExternalId, Jdbc.orNull(Sql.fit(orderNumber, 100)),
                Sql.fit(reason, 2000)));
    }

    void finish(long runId, RouteRun.Outcome outcome, long posted, long reconciled, long refused, long waiting,
            String error, Instant now) {
        jdbc.update("UPDATE route_run SET outcome = ?, finished_at = ?, posted_count = ?, reconciled_count = ?,"
                + " refused_count = ?, waiting_count = ?, error_message = ? WHERE id = ?",
                List.of(outcome.name(), now, posted, reconciled, refused, waiting,
                        Jdbc.orNull(Sql.fit(error, 2000)), runId));
    }

    /** Marks runs of the route still RUNNING since before {@code startedBefore} as ABANDONED: their process died. */
    void abandonStale(long routeId, Instant startedBefore, Instant now) {
        jdbc.update("UPDATE route_run SET outcome = 'ABANDONED', finished_at = ?, error_message = ? WHERE route_id = ?"
                + " AND outcome = 'RUNNING' AND started_at < ?", List.of(now, "The process running this route run "
                + "stopped before it finished; orders it was posting are reconciled by the next run.", routeId,
                startedBefore));
    }

    public RouteRun find(long runId) {
        List<RouteRun> found = withRefusals(jdbc.query(SELECT + " WHERE rr.id = ?", List.of(runId), RouteRuns::run));
        if (found.isEmpty()) {
            throw new io.tributary.store.NotFoundException("There is no route run with id " + runId + ".");
        }
        return found.get(0);
    }

    /** The route runs each of these sync runs triggered, by sync run id (absent when none). */
    public Map<Long, List<RouteRun>> forSyncRuns(Collection<Long> syncRunIds) {
        Map<Long, List<RouteRun>> bySyncRun = new LinkedHashMap<>();
        if (syncRunIds.isEmpty()) {
            return bySyncRun;
        }
        String in = String.join(", ", java.util.Collections.nCopies(syncRunIds.size(), "?"));
        List<RouteRun> runs = withRefusals(jdbc.query(SELECT + " WHERE rr.sync_run_id IN (" + in + ") ORDER BY rr.id",
                List.copyOf(syncRunIds), RouteRuns::run));
        for (RouteRun run : runs) {
            bySyncRun.computeIfAbsent(run.syncRunId(), id -> new ArrayList<>()).add(run);
        }
        return bySyncRun;
    }

    /** A route's runs, newest first. */
    public List<RouteRun> ofRoute(long routeId, int limit) {
        return withRefusals(jdbc.query(SELECT + " WHERE rr.route_id = ? ORDER BY rr.started_at DESC, rr.id DESC"
                + " LIMIT ?", List.of(routeId, limit), RouteRuns::run));
    }

    private List<RouteRun> withRefusals(List<RouteRun> runs) {
        if (runs.stream().noneMatch(r -> r.refused() > 0)) {
            return runs;
        }
        List<Long> ids = runs.stream().filter(r -> r.refused() > 0).map(RouteRun::id).toList();
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<Long, List<RouteRun.Refusal>> refusals = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM route_refusal WHERE route_run_id IN (" + in + ") ORDER BY route_run_id,"
                + " order_external_id", ids, rows -> refusals.computeIfAbsent(rows.getLong("route_run_id"),
                        id -> new ArrayList<>()).add(new RouteRun.Refusal(rows.getString("order_external_id"),
                        rows.getString("order_number"), rows.getString("reason"))));
        List<RouteRun> result = new ArrayList<>(runs.size());
        for (RouteRun r : runs) {
            result.add(new RouteRun(r.id(), r.routeId(), r.targetConnectionId(), r.syncRunId(), r.outcome(),
                    r.startedAt(), r.finishedAt(), r.posted(), r.reconciled(), r.refused(), r.waiting(), r.error(),
                    refusals.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    private static RouteRun run(ResultSet rows) throws SQLException {
        return new RouteRun(rows.getLong("id"), rows.getLong("route_id"), rows.getLong("target_connection_id"),
                Sql.getLong(rows, "sync_run_id"), RouteRun.Outcome.valueOf(rows.getString("outcome")),
                Sql.getInstant(rows, "started_at"), Sql.getInstant(rows, "finished_at"), rows.getLong("posted_count"),
                rows.getLong("reconciled_count"), rows.getLong("refused_count"), rows.getLong("waiting_count"),
                rows.getString("error_message"), List.of());
    }
}
