package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;
import static java.util.Objects.requireNonNull;

import io.tributary.route.Route;
import io.tributary.route.RouteDelivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** A route with how many orders it posted, had refused and has in flight (looked up per route). */
public final class RouteRenderer implements Renderer<Route> {
    private final LongFunction<RouteDelivery.Counts> counts;

    /** @param counts the delivery counts of a route, by its id */
    public RouteRenderer(LongFunction<RouteDelivery.Counts> counts) {
        this.counts = requireNonNull(counts, "counts is null");
    }

    @Override
    public Map<String, Object> json(Route r) {
        RouteDelivery.Counts delivered = counts.apply(r.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("from", r.sourceConnectionId());
        json.put("to", r.targetConnectionId());
        json.put("whenStatus", r.whenStatus());
        json.put("leadMinutes", r.leadMinutes());
        json.put("slotMinutes", r.slotMinutes());
        json.put("completeOnDelivery", r.completeStatus());
        json.put("forwardSince", time(r.forwardSince()));
        json.put("createdAt", time(r.createdAt()));
        json.put("posted", delivered.posted());
        json.put("refused", delivered.refused());
        json.put("inFlight", delivered.intents());
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("ROUTE", "FROM", "TO", "WHEN", "LEAD", "SLOT", "POSTED", "REFUSED", "IN-FLIGHT", "CREATED");
    }

    @Override
    public List<String> row(Route r) {
        RouteDelivery.Counts delivered = counts.apply(r.id());
        return List.of(Long.toString(r.id()), Long.toString(r.sourceConnectionId()),
                Long.toString(r.targetConnectionId()), r.whenStatus(), Integer.toString(r.leadMinutes()),
                Integer.toString(r.slotMinutes()), Long.toString(delivered.posted()),
                Long.toString(delivered.refused()), Long.toString(delivered.intents()), r.createdAt().toString());
    }

    /** The route and its counts in one sentence. */
    public String sentence(Route r) {
        RouteDelivery.Counts delivered = counts.apply(r.id());
        return "Route " + r.id() + ": connection " + r.sourceConnectionId() + " -> connection "
                + r.targetConnectionId() + " when '" + r.whenStatus() + "' (lead " + r.leadMinutes() + " min, slot "
                + r.slotMinutes() + " min" + (r.completeStatus() == null ? "" : ", '" + r.completeStatus()
                + "' once delivered") + "); " + delivered.posted() + " posted, " + delivered.refused() + " refused, "
                + delivered.intents() + " in flight.";
    }
}
