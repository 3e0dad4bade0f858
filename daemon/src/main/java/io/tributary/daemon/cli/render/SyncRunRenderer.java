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
        json.put("kind", r.kind().name());
        json.put("trigger", r.trigger().name());
        json.put("full", r.fullRead());
        json.put("outcome", r.outcome().name());
        json.put("startedAt", time(r.startedAt()));
        json.put("finishedAt", time(r.finishedAt()));
        json.put("read", r.readCount());
        json.put("inserted", r.insertedCount());
        json.put("updated", r.updatedCount());
        json.put("unchanged", r.unchangedCount());
        // what the run's reconciliation pass marked; null when it had none (an incremental sync) or it did not end
        json.put("markedDeleted", r.deletedCount());
        json.put("revived", r.revivedCount());
        json.put("rejected", r.rejectedCount());
        json.put("error", r.errorMessage());
        json.put("notes", r.notes());
        json.put("retryAt", r.retryAt() == null ? null : time(r.retryAt()));
        json.put("node", r.node());
        json.put("routes", routeRuns.json(result.routes()));
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("RUN", "CONN", "ENTITY", "KIND", "TRIGGER", "OUTCOME", "STARTED", "TOOK", "READ", "NEW",
                "CHANGED", "UNCHANGED", "DELETED", "ERROR");
    }

    @Override
    public List<String> row(SyncService.Result result) {
        SyncRun r = result.run();
        String took = r.finishedAt() == null ? "-"
                : String.format(Locale.ROOT, "%.1fs", Duration.between(r.startedAt(), r.finishedAt()).toMillis()
                        / 1000.0);
        String kind = r.kind() == SyncRun.Kind.RECONCILE ? "reconcile" : r.fullRead() ? "full" : "sync";
        String deleted = r.deletedCount() == null ? "-" : r.revivedCount() == 0 ? Long.toString(r.deletedCount())
                : r.deletedCount() + " (" + r.revivedCount() + " revived)";
        return List.of(Long.toString(r.id()), Long.toString(r.connectionId()), r.entity().cliName(), kind,
                r.trigger().name(), r.outcome().name(), r.startedAt().toString(), took, Long.toString(r.readCount()),
                Long.toString(r.insertedCount()), Long.toString(r.updatedCount()), Long.toString(r.unchangedCount()),
                deleted, r.errorMessage() == null ? "" : r.errorMessage());
    }

    /** The run in one sentence: outcome, duration, counts, and the error if it failed. */
    public String summary(SyncRun run) {
        String marked = run.deletedCount() == null ? ""
                : ", " + run.deletedCount() + " marked deleted, " + run.revivedCount() + " revived";
        String counts = run.kind() == SyncRun.Kind.RECONCILE ? run.readCount() + " ids listed" + marked
                : run.readCount() + " read, " + run.insertedCount() + " new, " + run.updatedCount() + " changed, "
                        + run.unchangedCount() + " unchanged" + marked;
        long millis = run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        String what = run.kind() == SyncRun.Kind.RECONCILE ? "reconciling " : "";
        String head = "Run " + run.id() + ": " + what + run.entity().cliName() + " of connection " + run.connectionId()
                + " " + run.outcome() + " in " + String.format(Locale.ROOT, "%.1f s", millis / 1000.0) + " (" + counts
                + ")";
        String setAside = run.rejectedCount() == 0 ? "" : " " + run.rejectedCount() + " record"
                + (run.rejectedCount() == 1 ? " could" : "s could") + " not be read and " + (run.rejectedCount() == 1
                ? "was" : "were") + " set aside: tributary rejects --run " + run.id() + ".";
        return (run.errorMessage() == null ? head + "." : head + ": " + run.errorMessage()) + setAside;
    }

    /** The run's notes and the lines of the routes that followed it, each after {@code prefix}. */
    public List<String> detailLines(SyncService.Result result, String prefix) {
        List<String> lines = new ArrayList<>();
        result.run().notes().forEach(note -> lines.add(prefix + "note: " + note));
        long rejected = result.run().rejectedCount();
        if (rejected > 0) {
            lines.add(prefix + "note: " + rejected + (rejected == 1 ? " record" : " records") + " could not be read "
                    + "and " + (rejected == 1 ? "was" : "were") + " set aside: tributary rejects --run "
                    + result.run().id());
        }
        result.routes().forEach(routeRun -> routeRuns.lines(routeRun).forEach(line -> lines.add(prefix + line)));
        return lines;
    }
}
