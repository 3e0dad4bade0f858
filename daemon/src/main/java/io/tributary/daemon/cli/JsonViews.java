package io.tributary.daemon.cli;

import io.tributary.connection.ConnectionView;
import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.run.SyncRun;
import io.tributary.spi.CredentialField;
import io.tributary.spi.VerificationResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} shapes of the CLI contract ({@code CLI.md}): fields named there are always present, money
 * is a decimal string, times are ISO 8601 UTC, secrets are masked.
 */
public final class JsonViews {
    private JsonViews() {}

    public static Map<String, Object> connection(ConnectionView c, boolean withFields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("system", c.systemId());
        json.put("name", c.name());
        json.put("url", c.url().toString());
        json.put("store", c.storeCode());
        json.put("enabled", c.enabled());
        json.put("createdAt", time(c.createdAt()));
        json.put("updatedAt", time(c.updatedAt()));
        json.put("credentials", c.credentials());
        json.put("failing", c.failing());
        json.put("lastError", c.lastError());
        if (withFields) {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (CredentialField field : c.fields()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", field.name());
                f.put("label", field.label());
                f.put("secret", field.secret());
                f.put("required", field.required());
                f.put("description", field.description());
                fields.add(f);
            }
            json.put("fields", fields);
        }
        return json;
    }

    public static Map<String, Object> verification(VerificationResult v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", v.ok());
        json.put("kind", v.kind().name());
        json.put("message", v.message());
        json.put("httpStatus", v.httpStatus());
        json.put("latencyMs", v.latencyMs());
        json.put("details", v.details());
        return json;
    }

    public static Map<String, Object> run(SyncRun r) {
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
        json.put("node", r.node());
        return json;
    }

    public static Map<String, Object> schedule(io.tributary.schedule.ScheduleView s, java.time.Instant nextFireAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connectionId", s.connectionId());
        json.put("entity", s.entity().cliName());
        json.put("frequency", s.spec().frequency().name());
        json.put("dayOfWeek", io.tributary.schedule.ScheduleDefaults.dayName(s.spec().dayOfWeek()));
        json.put("time", s.spec().time().toString());
        json.put("startDate", s.spec().startDate().toString());
        json.put("zone", s.spec().zone().getId());
        json.put("active", s.spec().active());
        json.put("paused", s.spec().active() && !s.connectionEnabled());
        json.put("nextFireAt", time(nextFireAt));
        return json;
    }

    public static Map<String, Object> product(StoredProduct p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connectionId", p.connectionId());
        json.put("externalId", p.externalId());
        json.put("parentExternalId", p.parentExternalId());
        json.put("sku", p.sku());
        json.put("name", p.name());
        json.put("type", p.type());
        json.put("status", p.status());
        json.put("price", money(p.price()));
        json.put("currency", p.currency());
        json.put("stockQuantity", p.stockQuantity());
        json.put("createdAt", time(p.createdAt()));
        json.put("updatedAt", time(p.updatedAt()));
        return json;
    }

    public static Map<String, Object> order(StoredOrder o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connectionId", o.connectionId());
        json.put("externalId", o.externalId());
        json.put("number", o.number());
        json.put("status", o.status());
        json.put("currency", o.currency());
        json.put("total", money(o.total()));
        json.put("totalTax", money(o.totalTax()));
        json.put("shippingTotal", money(o.shippingTotal()));
        json.put("discountTotal", money(o.discountTotal()));
        json.put("customerEmail", o.customerEmail());
        json.put("customerName", o.customerName());
        json.put("createdAt", time(o.createdAt()));
        json.put("updatedAt", time(o.updatedAt()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (StoredOrder.Line line : o.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("sku", line.sku());
            l.put("name", line.name());
            l.put("productExternalId", line.productExternalId());
            l.put("quantity", money(line.quantity()));
            l.put("unitPrice", money(line.unitPrice()));
            l.put("total", money(line.total()));
            lines.add(l);
        }
        json.put("lines", lines);
        return json;
    }

    public static String money(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public static String time(Instant value) {
        return value == null ? null : value.toString();
    }
}
