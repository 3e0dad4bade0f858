package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.RemovalRenderer;
import io.tributary.daemon.cli.render.RouteDeliveryRenderer;
import io.tributary.daemon.cli.render.RouteRenderer;
import io.tributary.daemon.cli.render.RouteRunRenderer;
import io.tributary.route.Route;
import io.tributary.route.RouteDelivery;
import io.tributary.route.RouteDraft;
import io.tributary.route.RouteRun;
import io.tributary.route.RouteService;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "route", description = "Forward orders of a shop connection to a courier connection (CoopCycle) as "
        + "deliveries, exactly once per order, after each orders sync of the shop.",
        subcommands = {RouteCommand.Add.class, RouteCommand.ListAll.class, RouteCommand.Show.class,
                RouteCommand.Remove.class, UsageHelpCommand.class})
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

        @Option(names = "--complete-on-delivery", arity = "0..1", fallbackValue = "completed", paramLabel = "STATUS",
                description = "Once the courier reports a delivery delivered (seen by the courier connection's "
                        + "orders sync), give the shop's order STATUS (default: completed, WooCommerce's; a Magento "
                        + "shop takes complete only once invoiced and shipped), written back to the shop once.")
        String completeStatus;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            Route route = routes.add(new RouteDraft(from, to, whenStatus, leadMinutes, slotMinutes, includeExisting,
                    completeStatus));
            if (!includeExisting && app().records().count("orders", from) == 0) {
                out().note("Note: connection " + from + " has no orders stored yet, so its first orders sync stores "
                        + "every order as new and the route forwards those already in '" + route.whenStatus()
                        + "'. To forward only orders that change from now on, remove the route, sync the "
                        + "connection once, and add the route again.");
            }
            if (json.enabled()) {
                out().json(new RouteRenderer(routes::counts).json(route));
            } else {
                out().line("Added route " + route.id() + ": orders of connection " + from + " that reach '"
                        + route.whenStatus() + "' go to connection " + to + " as deliveries (dropoff from "
                        + route.leadMinutes() + " min after posting, " + route.slotMinutes() + " min window). They "
                        + "are posted after each orders sync of connection " + from + "."
                        + (route.completeStatus() == null ? "" : " Once delivered (seen by an orders sync of "
                        + "connection " + to + "), an order is set to '" + route.completeStatus() + "' in its shop."));
            }
            return OK;
        }
    }

    @Command(name = "list", description = "List routes with how many orders each posted, had refused, has in flight.")
    static final class ListAll extends CliCommand {
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            json.list(out(), routes.list(), new RouteRenderer(routes::counts),
                    "No routes yet. Add one with: tributary route add --from SHOP_ID --to COOPCYCLE_ID");
            return OK;
        }
    }

    @Command(name = "show", description = "Show a route, the orders it posted or had refused (with the reason), and "
            + "its recent runs.")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The route's id.")
        long id;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
                description = "At most this many orders and runs, 1 to 10000 (default 20).")
        int limit;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            RouteService routes = app().routes();
            Route route = routes.find(id);
            List<RouteDelivery> deliveries = routes.deliveries(id, Limits.check(limit));
            List<RouteRun> runs = app().routeRuns().ofRoute(id, Limits.check(limit));
            RouteRenderer renderer = new RouteRenderer(routes::counts);
            RouteDeliveryRenderer deliveryRenderer = new RouteDeliveryRenderer();
            RouteRunRenderer runRenderer = new RouteRunRenderer();
            if (json.enabled()) {
                Map<String, Object> document = renderer.json(route);
                document.put("deliveries", deliveries.stream().map(deliveryRenderer::json).toList());
                document.put("runs", runRenderer.json(runs));
                out().json(document);
                return OK;
            }
            out().line(renderer.sentence(route));
            out().table(deliveries, deliveryRenderer);
            for (RouteRun run : runs) {
                runRenderer.lines(run).forEach(line -> out().line(run.startedAt() + " " + line));
            }
            return OK;
        }
    }

    @Command(name = "remove", description = "Remove a route and what it remembers of the orders it posted.")
    static final class Remove extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The route's id.")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            app().routes().remove(id);
            if (json.enabled()) {
                out().json(new RemovalRenderer().json(id));
            } else {
                out().line("Removed route " + id + ".");
            }
            return OK;
        }
    }
}
