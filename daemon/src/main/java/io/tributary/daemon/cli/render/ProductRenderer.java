package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.money;
import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.record.StoredProduct;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored product (variations included). */
public final class ProductRenderer implements Renderer<StoredProduct> {
    @Override
    public Map<String, Object> json(StoredProduct p) {
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
        json.put("deletedAt", time(p.deletedAt()));
        return json;
    }

    /** The status a table shows: the shop's, flagged when the record is deleted at the source. */
    static String withDeleted(String status, java.time.Instant deletedAt) {
        return deletedAt == null ? status : (status == null ? "" : status + " ") + "(deleted)";
    }

    @Override
    public List<String> headers() {
        return List.of("CONN", "ID", "SKU", "TYPE", "STATUS", "PRICE", "CUR", "STOCK", "UPDATED", "NAME");
    }

    @Override
    public List<String> row(StoredProduct p) {
        return Arrays.asList(Long.toString(p.connectionId()), p.externalId(), p.sku(), p.type(),
                withDeleted(p.status(), p.deletedAt()),
                money(p.price()), p.currency(), p.stockQuantity() == null ? null : p.stockQuantity().toString(),
                time(p.updatedAt()), p.name());
    }
}
