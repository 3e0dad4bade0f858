package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.route.RouteRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A route's run after an orders sync: what it posted, found posted already, had refused, left waiting. */
public final class RouteRunRenderer {
    public Map<String, Object> json(RouteRun r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("routeRunId", r.id());
        json.put("routeId", r.routeId());
        json.put("toConnectionId", r.targetConnectionId());
        json.put("outcome", r.outcome().name());
        json.put("startedAt", time(r.startedAt()));
        json.put("finishedAt", time(r.finishedAt()));
        json.put("posted", r.posted());
        json.put("reconciled", r.reconciled());
        json.put("refused", r.refused());
        json.put("waiting", r.waiting());
        json.put("error", r.error());
        List<Map<String, Object>> refusals = new ArrayList<>();
        for (RouteRun.Refusal refusal : r.refusals()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("orderExternalId", refusal.orderExternalId());
            one.put("orderNumber", refusal.orderNumber());
            one.put("reason", refusal.reason());
            refusals.add(one);
        }
        json.put("refusals", refusals);
        return json;
    }

    public List<Map<String, Object>> json(List<RouteRun> runs) {
        return runs.stream().map(this::json).toList();
    }

    /** One line for the run and one per refused order. */
    public List<String> lines(RouteRun r) {
        List<String> lines = new ArrayList<>();
        String head = "Route " + r.routeId() + " to connection " + r.targetConnectionId() + " " + r.outcome() + ": "
                + r.posted() + " posted, " + r.reconciled() + " found already posted, " + r.refused() + " refused, "
                + r.waiting() + " waiting";
        lines.add(r.error() == null ? head + "." : head + ": " + r.error());
        for (RouteRun.Refusal refusal : r.refusals()) {
            lines.add("  refused order " + refusal.orderExternalId()
                    + (refusal.orderNumber() == null ? "" : " (#" + refusal.orderNumber() + ")") + ": "
                    + refusal.reason());
        }
        return lines;
    }
}
