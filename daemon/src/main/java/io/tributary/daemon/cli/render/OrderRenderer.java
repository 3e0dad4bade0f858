package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.money;
import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.record.StoredOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored order with its lines (in JSON; the table counts them). */
public final class OrderRenderer implements Renderer<StoredOrder> {
    @Override
    public Map<String, Object> json(StoredOrder o) {
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
        json.put("refundedTotal", money(o.refundedTotal()));
        json.put("netTotal", money(o.netTotal()));
        json.put("customerEmail", o.customerEmail());
        json.put("customerName", o.customerName());
        json.put("customerPhone", o.customerPhone());
        json.put("customerId", o.customerId());
        json.put("createdAt", time(o.createdAt()));
        json.put("updatedAt", time(o.updatedAt()));
        json.put("deletedAt", time(o.deletedAt()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (StoredOrder.Line line : o.lines()) {
            lines.add(line(line));
        }
        json.put("lines", lines);
        return json;
    }

    private static Map<String, Object> line(StoredOrder.Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sku", line.sku());
        json.put("name", line.name());
        json.put("productExternalId", line.productExternalId());
        json.put("quantity", money(line.quantity()));
        json.put("unitPrice", money(line.unitPrice()));
        json.put("total", money(line.total()));
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("CONN", "ID", "NUMBER", "STATUS", "TOTAL", "CUR", "LINES", "UPDATED", "CUSTOMER");
    }

    @Override
    public List<String> row(StoredOrder o) {
        return Arrays.asList(Long.toString(o.connectionId()), o.externalId(), o.number(),
                ProductRenderer.withDeleted(o.status(), o.deletedAt()),
                money(o.total()), o.currency(), Integer.toString(o.lines().size()), time(o.updatedAt()),
                o.customerEmail());
    }
}
