package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.writeback.StatusWrite;
import java.util.LinkedHashMap;
import java.util.Map;

/** One attempt to write an order's status back to its shop: what was asked and what the shop answered. */
public final class StatusWriteRenderer {
    private StatusWriteRenderer() {}

    public static Map<String, Object> json(StatusWrite w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", w.id());
        json.put("connectionId", w.connectionId());
        json.put("externalId", w.externalId());
        json.put("fromStatus", w.fromStatus());
        json.put("toStatus", w.toStatus());
        json.put("requestedBy", w.requestedBy());
        json.put("requestedAt", time(w.requestedAt()));
        json.put("finishedAt", time(w.finishedAt()));
        json.put("outcome", w.outcome().name());
        json.put("httpStatus", w.httpStatus());
        json.put("answer", w.answer());
        return json;
    }
}
