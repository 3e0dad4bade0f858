package io.tributary.daemon.cli;

import io.tributary.route.Route;
import io.tributary.route.RouteDelivery;
import io.tributary.route.RouteDraft;
import io.tributary.route.RouteRun;
import io.tributary.route.RouteService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "route", description = "Forward orders of a shop connection to a courier connection (CoopCycle) as "
        + "deliveries, exactly once per order, after each orders sync of the shop.",
        subcommands = {RouteCommand.Add.class, RouteCommand.ListAll.class, RouteCommand.Show.class,
                RouteCommand.Remove.class})
final class RouteCommand {

    @Command(name = "add", description = "Add a route: orders of connection --from that reach --when-status (and are "
            + "new or changed from now on) are posted to connection --to as deliveries.")
    static final class Add extends CliCommand {
        @Option(names = "--from", required = true, paramLabel = "ID",
                description = "The shop connection (WooCommerce).")
        long from;

        @Option(names = "--to", required = true, paramLabel = "COOPCYCLE_ID", description = "The courier connection.")
        long to;

        @Option(names = "--when-status", paramLabel = "S",
                description = "The order status that triggers a delivery (default: processing).")
        String whenStatus;

        @Option(names = "--lead-minutes", paramLabel = "N", description = "The dropoff window opens N minutes after "
                + "the order is posted (default: " + RouteDraft.DEFAULT_LEAD_MINUTES + ").")
        Integer leadMinutes;

        @Option(names = "--slot-minutes", paramLabel = "N", description = "Length of the dropoff window; the pickup "
                + "window is as long and ends when it opens (default: " + RouteDraft.DEFAULT_SLOT_MINUTES + ").")
        Integer slotMinutes;

        @Option(names = "--include-existing", description = "Also forward orders already stored in the status now "
                + "(by default only orders that are new or change after the route is added).")
        boolean includeExisting;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            Route route = routes.add(new RouteDraft(from, to, whenStatus, leadMinutes, slotMinutes, includeExisting));
            if (!includeExisting && app().records().count("orders", from) == 0) {
                out().note("Note: connection " + from + " has no orders stored yet, so its first orders sync stores "
                        + "every order as new and the route forwards those already in '" + route.whenStatus()
                        + "'. To forward only orders that change from now on, remove the route, sync the "
                        + "connection once, and add the route again.");
            }
            if (json) {
                out().json(RouteViews.route(route, routes.counts(route.id())));
            } else {
                out().line("Added route " + route.id() + ": orders of connection " + from + " that reach '"
                        + route.whenStatus() + "' go to connection " + to + " as deliveries (dropoff from "
                        + route.leadMinutes() + " min after posting, " + route.slotMinutes() + " min window). They "
                        + "are posted after each orders sync of connection " + from + ".");
            }
            return OK;
        }
    }

    @Command(name = "list", description = "List routes with how many orders each posted, had refused, has in flight.")
    static final class ListAll extends CliCommand {
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            List<Route> all = routes.list();
            if (json) {
                out().json(all.stream().map(r -> RouteViews.route(r, routes.counts(r.id()))).toList());
                return OK;
            }
            if (all.isEmpty()) {
                out().note("No routes yet. Add one with: tributary route add --from SHOP_ID --to COOPCYCLE_ID");
                return OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Route r : all) {
                RouteDelivery.Counts counts = routes.counts(r.id());
                rows.add(List.of(Long.toString(r.id()), Long.toString(r.sourceConnectionId()),
                        Long.toString(r.targetConnectionId()), r.whenStatus(), Integer.toString(r.leadMinutes()),
                        Integer.toString(r.slotMinutes()), Long.toString(counts.posted()),
                        Long.toString(counts.refused()), Long.toString(counts.intents()), r.createdAt().toString()));
            }
            out().table(List.of("ROUTE", "FROM", "TO", "WHEN", "LEAD", "SLOT", "POSTED", "REFUSED", "IN-FLIGHT",
                    "CREATED"), rows);
            return OK;
        }
    }

    @Command(name = "show", description = "Show a route, the orders it posted or had refused (with the reason), and "
            + "its recent runs.")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many orders and runs (default 20).")
        int limit;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            Route route = routes.find(id);
            List<RouteDelivery> deliveries = routes.deliveries(id, Limits.check(limit));
            List<RouteRun> runs = app().routeRuns().ofRoute(id, Limits.check(limit));
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>(RouteViews.route(route, routes.counts(id)));
                document.put("deliveries", deliveries.stream().map(RouteViews::delivery).toList());
                document.put("runs", RouteViews.runs(runs));
                out().json(document);
                return OK;
            }
            RouteDelivery.Counts counts = routes.counts(id);
            out().line("Route " + id + ": connection " + route.sourceConnectionId() + " -> connection "
                    + route.targetConnectionId() + " when '" + route.whenStatus() + "' (lead " + route.leadMinutes()
                    + " min, slot " + route.slotMinutes() + " min); " + counts.posted() + " posted, "
                    + counts.refused() + " refused, " + counts.intents() + " in flight.");
            List<List<String>> rows = new ArrayList<>();
            for (RouteDelivery d : deliveries) {
                rows.add(Arrays.asList(d.orderExternalId(), d.orderNumber(), d.state().name(), d.deliveryId(),
                        JsonViews.time(d.updatedAt()), d.reason()));
            }
            out().table(List.of("ORDER", "NUMBER", "STATE", "DELIVERY", "UPDATED", "REASON"), rows);
            for (RouteRun run : runs) {
                RouteViews.lines(run).forEach(line -> out().line(run.startedAt() + " " + line));
            }
            return OK;
        }
    }

    @Command(name = "remove", description = "Remove a route and what it remembers of the orders it posted.")
    static final class Remove extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            app().routes().remove(id);
            if (json) {
                out().json(Map.of("id", id, "removed", true));
            } else {
                out().line("Removed route " + id + ".");
            }
            return OK;
        }
    }
}
