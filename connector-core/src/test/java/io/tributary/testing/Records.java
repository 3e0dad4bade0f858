package io.tributary.testing;

import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.ProductRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small record factories for store and engine tests. */
public final class Records {
    private Records() {}

    public static final Instant T0 = Instant.parse("2024-05-18T14:00:00Z");

    public static ProductRecord product(String id, String price, Instant modifiedAt) {
        return new ProductRecord(id, null, "SKU-" + id, "Café crème " + id, "simple", "publish",
                price == null ? null : new BigDecimal(price), "EUR", 5, T0.minusSeconds(3600), modifiedAt,
                "{\"id\":" + id + ",\"price\":\"" + price + "\",\"name\":\"Café crème " + id + "\"}");
    }

    public static OrderRecord order(String id, String status, Instant modifiedAt, OrderLineRecord... lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLineRecord line : lines) {
            total = total.add(line.total());
        }
        return new OrderRecord(id, "N" + id, status, "EUR", total, new BigDecimal("0.00"), new BigDecimal("4.90"),
                BigDecimal.ZERO, "ana" + id + "@example.org", "Ana López", T0.minusSeconds(60), modifiedAt,
                List.of(lines), "{\"id\":" + id + ",\"status\":\"" + status + "\"}");
    }

    public static OrderLineRecord line(String id, String sku, String quantity, String unitPrice) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = new BigDecimal(unitPrice);
        return new OrderLineRecord(id, "p" + id, sku, "Grüner Tee " + sku, q, p, q.multiply(p));
    }
}
