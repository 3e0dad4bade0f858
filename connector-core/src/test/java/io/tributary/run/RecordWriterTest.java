package io.tributary.run;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.line;
import static io.tributary.testing.Records.order;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.record.RecordQueries;
import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.spi.EntityType;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordWriterTest {

    private static RecordPage page(SyncCursor cursor, SourceRecord... records) {
        return new RecordPage(List.of(records), cursor);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void upsertsAreIdempotentAndUnchangedRecordsAreNotRewritten(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
            SyncCursor cursor = SyncCursor.of(T0.plusSeconds(2), "2");
            RecordPage first = page(cursor, product("1", "12.50", T0), product("2", "0.10", T0.plusSeconds(2)));

            PageCounts once = writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, first, cursor,
                    PageCounts.ZERO));
            String syncedAt = TestRows.string(store, "SELECT synced_at FROM product WHERE external_id = '1'");
            PageCounts again = writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, first, cursor, once));

            assertThat(once).isEqualTo(new PageCounts(2, 2, 0, 0));
            assertThat(again).isEqualTo(new PageCounts(2, 0, 0, 2));
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM product")).isEqualTo(2);
            assertThat(TestRows.string(store, "SELECT synced_at FROM product WHERE external_id = '1'"))
                    .as("an unchanged record is not written again").isEqualTo(syncedAt);
            assertThat(TestRows.count(store, "SELECT read_count FROM sync_run WHERE id = " + run)).isEqualTo(4);
            assertThat(TestRows.count(store, "SELECT unchanged_count FROM sync_run WHERE id = " + run)).isEqualTo(2);

            PageCounts changed = writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page(cursor,
                    product("1", "13.00", T0.plusSeconds(5)), product("2", "0.10", T0.plusSeconds(2))), cursor,
                    PageCounts.ZERO));
            assertThat(changed).isEqualTo(new PageCounts(2, 0, 1, 1));
            List<StoredProduct> stored = new RecordQueries(store.dataSource()).products(connection, "SKU-1", 10);
            assertThat(stored).singleElement().satisfies(p -> {
                assertThat(p.price()).isEqualTo(new BigDecimal("13.00"));
                assertThat(p.name()).isEqualTo("Café crème 1");
                assertThat(p.updatedAt()).isEqualTo(T0.plusSeconds(5));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRecordWithoutAModificationTimeKeepsTheTimeOfTheSyncThatStoredItsContent(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "couriers");
            long run = TestRows.run(store, connection, EntityType.ORDERS);
            MutableClock clock = MutableClock.startingAt(T0.plusSeconds(3600));
            RecordWriter writer = new RecordWriter(store.dataSource(), clock);
            RecordQueries queries = new RecordQueries(store.dataSource());
            SyncCursor cursor = SyncCursor.of(T0, "2");
            Instant firstSync = clock.instant();
            writer.write(new PageWrite(connection, EntityType.ORDERS, run, page(cursor, order("1", "TODO", null),
                    order("2", "TODO", null), order("3", "TODO", T0)), cursor, PageCounts.ZERO));

            clock.advance(Duration.ofHours(1));
            Instant secondSync = clock.instant();
            PageCounts second = writer.write(new PageWrite(connection, EntityType.ORDERS, run, page(cursor,
                    order("1", "TODO", null), order("2", "DONE", null), order("3", "DONE", T0)), cursor,
                    PageCounts.ZERO));

            assertThat(second).as("the one unchanged is not written again").isEqualTo(new PageCounts(3, 0, 2, 1));
            assertThat(queries.orders(connection, null, 10)).as("most recently changed first")
                    .extracting(StoredOrder::externalId, StoredOrder::updatedAt)
                    .containsExactly(tuple("2", secondSync), tuple("1", firstSync), tuple("3", T0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void moneyIsExactToSixDecimals(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
            SyncCursor cursor = SyncCursor.of(T0, "3");
            writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page(cursor, product("1", "0.1", T0),
                    product("2", "99999999999999.999999", T0), product("3", "19.99", T0)), cursor, PageCounts.ZERO));

            RecordQueries queries = new RecordQueries(store.dataSource());
            assertThat(queries.products(connection, "SKU-1", 1).get(0).price().toPlainString()).isEqualTo("0.10");
            assertThat(queries.products(connection, "SKU-2", 1).get(0).price().toPlainString())
                    .isEqualTo("99999999999999.999999");
            assertThat(queries.products(connection, "SKU-3", 1).get(0).price().toPlainString()).isEqualTo("19.99");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theCursorMovesOnlyWithItsPage(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
            SyncCursors cursors = new SyncCursors(store.dataSource());
            SyncCursor first = SyncCursor.of(T0, "1");
            writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page(first, product("1", "1.00", T0)),
                    first, PageCounts.ZERO));

            String longSku = "x".repeat(300);
            ProductRecord tooLong = new ProductRecord("3", null, longSku, "n", "simple", "publish", BigDecimal.ONE,
                    "EUR", null, null, T0.plusSeconds(9), "{}");
            SyncCursor second = SyncCursor.of(T0.plusSeconds(9), "3");
            assertThatThrownBy(() -> writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page(second,
                    product("2", "2.00", T0.plusSeconds(1)), tooLong), second, PageCounts.ZERO)))
                    .hasMessage("Record 3 has a sku of 300 characters; the database keeps at most 255.");

            assertThat(cursors.load(connection, EntityType.PRODUCTS)).isEqualTo(first);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM product")).as("nothing of the failed page")
                    .isEqualTo(1);
            assertThat(cursors.load(connection, EntityType.ORDERS)).isEqualTo(SyncCursor.START);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void orderLinesFollowTheirOrder(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            long run = TestRows.run(store, connection, EntityType.ORDERS);
            RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
            SyncCursor cursor = SyncCursor.of(T0, "10");
            writer.write(new PageWrite(connection, EntityType.ORDERS, run, page(cursor,
                    order("10", "processing", T0, line("1", "TEA", "2", "12.50"), line("2", "MUG", "1", "3.99"))),
                            cursor, PageCounts.ZERO));
            PageCounts again = writer.write(new PageWrite(connection, EntityType.ORDERS, run, page(cursor,
                    order("10", "processing", T0, line("1", "TEA", "2", "12.50"), line("2", "MUG", "1", "3.99"))),
                            cursor, PageCounts.ZERO));
            assertThat(again.unchanged()).isEqualTo(1);

            PageCounts edited = writer.write(new PageWrite(connection, EntityType.ORDERS, run, page(cursor,
                    order("10", "completed", T0.plusSeconds(60), line("1", "TEA", "3", "12.50"))), cursor,
                    PageCounts.ZERO));
            assertThat(edited).isEqualTo(new PageCounts(1, 0, 1, 0));
            List<StoredOrder> orders = new RecordQueries(store.dataSource()).orders(connection, null, 10);
            assertThat(orders).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo("completed");
                assertThat(o.total()).isEqualTo(new BigDecimal("37.50"));
                assertThat(o.lines()).extracting(StoredOrder.Line::sku).containsExactly("TEA");
                assertThat(o.lines().get(0).quantity().toPlainString()).isEqualTo("3");
                assertThat(o.lines().get(0).unitPrice().toPlainString()).isEqualTo("12.50");
            });
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM order_line")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aLargePageIsOneBatch(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
            List<SourceRecord> records = new ArrayList<>();
            for (int i = 1; i <= 500; i++) {
                records.add(product(String.valueOf(i), i + ".25", T0.plusSeconds(i)));
            }
            SyncCursor cursor = SyncCursor.of(T0.plusSeconds(500), "500");
            PageCounts counts = writer.write(new PageWrite(connection, EntityType.PRODUCTS, run,
                    new RecordPage(records, cursor), cursor, PageCounts.ZERO));
            assertThat(counts.inserted()).isEqualTo(500);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM product WHERE connection_id = " + connection))
                    .isEqualTo(500);
        }
    }
}
