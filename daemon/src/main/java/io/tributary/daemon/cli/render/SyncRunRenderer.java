package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.run.SyncRun;
import io.tributary.sync.SyncService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sync run (the result of {@code sync} and a row of {@code runs}) with the runs of the routes that followed it;
 * its route runs are rendered by {@link RouteRunRenderer}.
 */
public final class SyncRunRenderer implements Renderer<SyncService.Result> {
    private final RouteRunRenderer routeRuns = new RouteRunRenderer();

    @Override
    public Map<String, Object> json(SyncService.Result result) {
        SyncRun r = result.run();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", r.id());
        json.put("connectionId", r.connectionId());
        json.put("entity", r.entity().cliName());
        json.put("trigger", r.trigger().name());
        json.put("full", r.fullRead());
        json.put("outcome", r.outcome().name());
        json.put("startedAt", time(r.startedAt()));
        json.put("finishedAt", time(r.finishedAt()));
        json.put("read", r.readCount());
        json.put("inserted", r.insertedCount());
        json.put("updated", r.updatedCount());
        json.put("unchanged", r.unchangedCount());
        json.put("error", r.errorMessage());
        json.put("notes", r.notes());
        json.put("node", r.node());
        json.put("routes", routeRuns.json(result.routes()));
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("RUN", "CONN", "ENTITY", "TRIGGER", "OUTCOME", "STARTED", "TOOK", "READ", "NEW", "CHANGED",
                "UNCHANGED", "ERROR");
    }

    @Override
    public List<String> row(SyncService.Result result) {
        SyncRun r = result.run();
        String took = r.finishedAt() == null ? "-"
                : String.format(Locale.ROOT, "%.1fs", Duration.between(r.startedAt(), r.finishedAt()).toMillis()
                        / 1000.0);
        return List.of(Long.toString(r.id()), Long.toString(r.connectionId()), r.entity().cliName(),
                r.trigger().name(), r.outcome().name(), r.startedAt().toString(), took, Long.toString(r.readCount()),
                Long.toString(r.insertedCount()), Long.toString(r.updatedCount()), Long.toString(r.unchangedCount()),
                r.errorMessage() == null ? "" : r.errorMessage());
    }

    /** The run in one sentence: outcome, duration, counts, and the error if it failed. */
    public String summary(SyncRun run) {
        String counts = run.readCount() + " read, " + run.insertedCount() + " new, " + run.updatedCount()
                + " changed, " + run.unchangedCount() + " unchanged";
        long millis = run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        String head = "Run " + run.id() + ": " + run.entity().cliName() + " of connection " + run.connectionId() + " "
                + run.outcome() + " in " + String.format(Locale.ROOT, "%.1f s", millis / 1000.0) + " (" + counts
                + ")";
        return run.errorMessage() == null ? head + "." : head + ": " + run.errorMessage();
    }

    /** The run's notes and the lines of the routes that followed it, each after {@code prefix}. */
    public List<String> detailLines(SyncService.Result result, String prefix) {
        List<String> lines = new ArrayList<>();
        result.run().notes().forEach(note -> lines.add(prefix + "note: " + note));
        result.routes().forEach(routeRun -> routeRuns.lines(routeRun).forEach(line -> lines.add(prefix + line)));
        return lines;
    }
}
