package io.tributary.daemon.cli.render;

import io.tributary.spi.VerificationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of verifying a connection online. */
public final class VerificationRenderer {
    public Map<String, Object> json(VerificationResult v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", v.ok());
        json.put("kind", v.kind().name());
        json.put("message", v.message());
        json.put("httpStatus", v.httpStatus());
        json.put("latencyMs", v.latencyMs());
        json.put("details", v.details());
        return json;
    }

    /** The verdict with status and latency, then one line per detail the connector reported. */
    public List<String> lines(VerificationResult v) {
        List<String> lines = new ArrayList<>();
        String status = v.httpStatus() == null ? "" : "HTTP " + v.httpStatus() + ", ";
        lines.add((v.ok() ? "OK " : "FAILED " + v.kind() + " ") + "(" + status + v.latencyMs() + " ms): "
                + v.message());
        v.details().forEach((key, value) -> lines.add("  " + key + ": " + value));
        return lines;
    }
}
