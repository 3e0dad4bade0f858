package io.tributary.daemon.cli;

import io.tributary.route.Route;
import io.tributary.route.RouteDelivery;
import io.tributary.route.RouteRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} shapes and summary lines of routes, their deliveries and their runs. */
final class RouteViews {
    private RouteViews() {}

    static Map<String, Object> route(Route r, RouteDelivery.Counts counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("from", r.sourceConnectionId());
        json.put("to", r.targetConnectionId());
        json.put("whenStatus", r.whenStatus());
        json.put("leadMinutes", r.leadMinutes());
        json.put("slotMinutes", r.slotMinutes());
        json.put("forwardSince", JsonViews.time(r.forwardSince()));
        json.put("createdAt", JsonViews.time(r.createdAt()));
        json.put("posted", counts.posted());
        json.put("refused", counts.refused());
        json.put("inFlight", counts.intents());
        return json;
    }

    static Map<String, Object> delivery(RouteDelivery d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderExternalId", d.orderExternalId());
        json.put("orderNumber", d.orderNumber());
        json.put("state", d.state().name());
        json.put("deliveryId", d.deliveryId());
        json.put("trackingUrl", d.trackingUrl());
        json.put("reference", d.reference());
        json.put("refusals", d.refusals());
        json.put("reason", d.reason());
        json.put("createdAt", JsonViews.time(d.createdAt()));
        json.put("updatedAt", JsonViews.time(d.updatedAt()));
        return json;
    }

    static List<Map<String, Object>> runs(List<RouteRun> runs) {
        List<Map<String, Object>> json = new ArrayList<>();
        runs.forEach(r -> json.add(run(r)));
        return json;
    }

    static Map<String, Object> run(RouteRun r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("routeRunId", r.id());
        json.put("routeId", r.routeId());
        json.put("toConnectionId", r.targetConnectionId());
        json.put("outcome", r.outcome().name());
        json.put("startedAt", JsonViews.time(r.startedAt()));
        json.put("finishedAt", JsonViews.time(r.finishedAt()));
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

    /** One line per route run and one per refused order, for human output. */
    static List<String> lines(RouteRun r) {
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
