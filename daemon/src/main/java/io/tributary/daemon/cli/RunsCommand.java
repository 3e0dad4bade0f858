package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.route.RouteRun;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.sync.SyncService;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", description = "List sync runs, newest first, with their counts and errors, and what the "
        + "routes run after each orders sync posted or had refused.")
final class RunsCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--entity", paramLabel = "products|orders|customers", converter = EntityConverter.class,
            description = "Only runs of products, of orders or of customers (default: all).")
    EntityType entity;

    @Override
    public Integer call() {
        // a run whose process died is ABANDONED as soon as its lease has expired, not only once the next sync of
        // its (connection, entity) takes the lease over
        listing.requireKnownConnection(this);
        app().leases().abandonExpired();
        List<SyncRun> runs = app().runs().list(listing.connection, entity, listing.checkedLimit());
        Map<Long, List<RouteRun>> routed = app().routeRuns().forSyncRuns(runs.stream().map(SyncRun::id).toList());
        List<SyncService.Result> results = runs.stream()
                .map(run -> new SyncService.Result(run, routed.getOrDefault(run.id(), List.of()))).toList();
        SyncRunRenderer renderer = new SyncRunRenderer();
        json.list(out(), results, renderer, "No runs yet. Start one with: tributary sync ID --entity products");
        if (!json.enabled()) {
            results.forEach(result -> renderer.detailLines(result, "Run " + result.run().id() + ": ")
                    .forEach(out()::line));
        }
        return OK;
    }
}
