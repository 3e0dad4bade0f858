package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.run.RejectedRecords.Rejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record a sync set aside as unreadable: a row of {@code rejects}, and an item of the API's run rejects. */
public final class RejectedRecordRenderer implements Renderer<Rejected> {
    @Override
    public Map<String, Object> json(Rejected r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("runId", r.runId());
        json.put("connectionId", r.connectionId());
        json.put("entity", r.entity().toLowerCase(java.util.Locale.ROOT));
        json.put("externalId", r.externalId());
        json.put("reason", r.reason());
        json.put("rejectedAt", time(r.rejectedAt()));
        json.put("payload", r.payload());
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("ID", "RUN", "CONN", "ENTITY", "EXTERNAL ID", "REJECTED", "REASON");
    }

    @Override
    public List<String> row(Rejected r) {
        return List.of(Long.toString(r.id()), Long.toString(r.runId()), Long.toString(r.connectionId()),
                r.entity().toLowerCase(java.util.Locale.ROOT), r.externalId() == null ? "?" : r.externalId(),
                r.rejectedAt().toString(), r.reason());
    }
}
