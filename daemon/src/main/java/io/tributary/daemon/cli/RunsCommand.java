package io.tributary.daemon.cli;

import io.tributary.route.RouteRun;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import java.time.Duration;
import java.util.ArrayList;
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

    @Option(names = "--entity", paramLabel = "products|orders", converter = EntityConverter.class)
    EntityType entity;

    @Override
    public Integer call() {
        List<SyncRun> runs = app().runs().list(listing.connection, entity, listing.checkedLimit());
        Map<Long, List<RouteRun>> routed = app().routeRuns().forSyncRuns(runs.stream().map(SyncRun::id).toList());
        if (listing.json) {
            out().json(runs.stream().map(r -> {
                Map<String, Object> json = JsonViews.run(r);
                json.put("routes", RouteViews.runs(routed.getOrDefault(r.id(), List.of())));
                return json;
            }).toList());
            return OK;
        }
        if (runs.isEmpty()) {
            out().note("No runs yet. Start one with: tributary sync ID --entity products");
            return OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (SyncRun r : runs) {
            String took = r.finishedAt() == null ? "-"
                    : String.format(java.util.Locale.ROOT, "%.1fs", Duration.between(r.startedAt(), r.finishedAt())
                            .toMillis() / 1000.0);
            rows.add(List.of(Long.toString(r.id()), Long.toString(r.connectionId()), r.entity().cliName(),
                    r.trigger().name(), r.outcome().name(), r.startedAt().toString(), took,
                    Long.toString(r.readCount()), Long.toString(r.insertedCount()), Long.toString(r.updatedCount()),
                    Long.toString(r.unchangedCount()), r.errorMessage() == null ? "" : r.errorMessage()));
        }
        out().table(List.of("RUN", "CONN", "ENTITY", "TRIGGER", "OUTCOME", "STARTED", "TOOK", "READ", "NEW",
                "CHANGED", "UNCHANGED", "ERROR"), rows);
        for (SyncRun r : runs) {
            routed.getOrDefault(r.id(), List.of()).forEach(routeRun -> RouteViews.lines(routeRun)
                    .forEach(line -> out().line("Run " + r.id() + ": " + line)));
        }
        return OK;
    }
}
