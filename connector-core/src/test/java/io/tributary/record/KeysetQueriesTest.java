package io.tributary.record;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.line;
import static io.tributary.testing.Records.order;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.StoreService;
import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.RecordWriter;
import io.tributary.spi.EntityType;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysetQueriesTest {

    private static void write(CentralStore store, Clock clock, long connection, EntityType entity,
            List<SourceRecord> records) {
        long run = TestRows.run(store, connection, entity);
        SyncCursor cursor = SyncCursor.of(T0, "x");
        new RecordWriter(store.dataSource(), clock).write(new PageWrite(connection, entity, run,
                new RecordPage(records, cursor), cursor, PageCounts.ZERO));
    }

    private static long connectionInStore(CentralStore store, String name, String storeCode) {
        long id = TestRows.connection(store, name);
        try (var c = store.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE connection SET store_id = (SELECT id FROM store WHERE code = '" + storeCode
                    + "') WHERE id = " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void productPagesCoverEveryRecordOnceAndStayInScope(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            new StoreService(store, Clock.systemUTC()).add("north", "North");
            long north = connectionInStore(store, "n", "north");
            long other = TestRows.connection(store, "d");
            List<SourceRecord> many = new ArrayList<>();
            for (int i = 0; i < 237; i++) {
                many.add(product(Integer.toString(1000 + i), "1.00", T0));
            }
            write(store, Clock.systemUTC(), north, EntityType.PRODUCTS, many);
            write(store, Clock.systemUTC(), other, EntityType.PRODUCTS, List.of(product("1", "2.00", T0)));
            RecordQueries queries = new RecordQueries(store.dataSource());

            Set<String> seen = new HashSet<>();
            String after = null;
            int pages = 0;
            do {
                KeysetPage<StoredProduct> page = queries.productPage(Set.of("north"), null, null, after, 100);
                page.items().forEach(p -> {
                    assertThat(p.connectionId()).isEqualTo(north);
                    assertThat(seen.add(p.externalId())).as("seen once: " + p.externalId()).isTrue();
                });
                after = page.next();
                pages++;
            } while (after != null);
            assertThat(seen).hasSize(237);
            assertThat(pages).isEqualTo(3);
            assertThat(queries.productPage(null, null, null, null, 500).items()).hasSize(238);
            assertThat(queries.productPage(Set.of(), null, null, null, 500).items()).isEmpty();
            assertThat(queries.productPage(null, null, "SKU-1", null, 10).items()).extracting(StoredProduct::connectionId)
                    .containsExactly(other);
            assertThatThrownBy(() -> queries.productPage(null, null, null, "garbage!", 10))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
            assertThatThrownBy(() -> queries.productPage(null, null, null, null, 501))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void orderPagesCarryLinesAndStatusesFollowStoredTime(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = TestRows.connection(store, "shop");
            MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-01T10:00:00Z"));
            List<SourceRecord> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                orders.add(order(Integer.toString(i), "processing", T0, line("1", "TEA", "2", "3.50")));
            }
            write(store, clock, shop, EntityType.ORDERS, orders);
            RecordQueries queries = new RecordQueries(store.dataSource());

            KeysetPage<StoredOrder> first = queries.orderPage(null, null, null, null, null, 3);
            assertThat(first.items()).hasSize(3).allSatisfy(o -> assertThat(o.lines()).hasSize(1));
            KeysetPage<StoredOrder> second = queries.orderPage(null, null, null, null, first.next(), 3);
            assertThat(second.items()).extracting(StoredOrder::externalId).containsExactly("3", "4");
            assertThat(second.next()).isNull();

            Instant before = clock.instant();
            clock.advance(Duration.ofMinutes(5));
            write(store, clock, shop, EntityType.ORDERS, List.of(order("2", "completed", T0.plusSeconds(60),
                    line("1", "TEA", "2", "3.50"))));
            KeysetPage<OrderStatus> changed = queries.orderStatuses(null, null, before.plusSeconds(1), null, 10);
            assertThat(changed.items()).extracting(OrderStatus::number, OrderStatus::status, OrderStatus::storeCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("N2", "completed", "default"));
            assertThat(changed.items().get(0).storedAt()).isEqualTo(clock.instant());

            List<String> all = new ArrayList<>();
            String after = null;
            do {
                KeysetPage<OrderStatus> page = queries.orderStatuses(null, null, before, after, 2);
                page.items().forEach(s -> all.add(s.externalId()));
                after = page.next();
            } while (after != null);
            assertThat(all).as("oldest change first, each order once").containsExactly("0", "1", "3", "4", "2");
        }
    }
}
