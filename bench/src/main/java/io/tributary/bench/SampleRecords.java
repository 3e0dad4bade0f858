package io.tributary.bench;

import io.tributary.spi.ProductRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Product records shaped like a WooCommerce product (about a kilobyte of source JSON each). */
final class SampleRecords {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private SampleRecords() {}

    static String rawJson(int id) {
        return "{\"id\":" + id + ",\"name\":\"Café crème " + id + "\",\"slug\":\"cafe-creme-" + id + "\",\"type\":"
                + "\"simple\",\"status\":\"publish\",\"sku\":\"SKU-" + id + "\",\"price\":\"" + (id % 1000) + ".95\","
                + "\"regular_price\":\"" + (id % 1000) + ".95\",\"sale_price\":\"\",\"date_created_gmt\":"
                + "\"2024-03-02T09:15:11\",\"date_modified_gmt\":\"2025-01-01T00:00:00\",\"manage_stock\":true,"
                + "\"stock_quantity\":" + (id % 50) + ",\"stock_status\":\"instock\",\"categories\":[{\"id\":9,"
                + "\"name\":\"Kaffee & Tee\",\"slug\":\"kaffee-tee\"}],\"images\":[{\"id\":" + (id + 7) + ",\"src\":"
                + "\"https://shop.example/wp-content/uploads/2024/03/cafe-creme-" + id + ".jpg\",\"name\":\"cafe\","
                + "\"alt\":\"\"}],\"attributes\":[],\"variations\":[],\"parent_id\":0,\"meta_data\":[{\"id\":" + id
                + ",\"key\":\"_origin\",\"value\":\"Colombia, Huila\"}],\"description\":\"<p>Ein milder Kaffee mit "
                + "Noten von Karamell und Haselnuss; geröstet in kleinen Chargen. Lorem ipsum dolor sit amet, "
                + "consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore.</p>\"}";
    }

    static RecordPage page(int firstId, int size) {
        List<SourceRecord> records = new ArrayList<>(size);
        int last = firstId;
        for (int id = firstId; id < firstId + size; id++) {
            records.add(new ProductRecord(Integer.toString(id), null, "SKU-" + id, "Café crème " + id, "simple",
                    "publish", new BigDecimal(id % 1000 + ".95"), "EUR", id % 50, T0, T0.plusSeconds(id),
                    rawJson(id)));
            last = id;
        }
        return new RecordPage(records, SyncCursor.of(T0.plusSeconds(last), Integer.toString(last)));
    }
}
