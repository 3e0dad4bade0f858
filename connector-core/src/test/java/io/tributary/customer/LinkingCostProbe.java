package io.tributary.customer;

import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.RecordWriter;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: prints how long storing 10,000 orders (100 pages of 100, each with 2 lines, a billing e-mail and
 * phone, 1 customer in 4 a returning one) takes on the given backend, three times on fresh databases. Run with the
 * test class path: {@code java -cp … io.tributary.customer.LinkingCostProbe MARIADB}. The same program on a
 * checkout without customers gives the cost of attaching them.
 */
public final class LinkingCostProbe {
    private LinkingCostProbe() {}

    public static void main(String[] args) {
        TestDatabase.Backend backend = TestDatabase.Backend.valueOf(args.length > 0 ? args[0] : "MARIADB");
        Instant t0 = Instant.parse("2024-05-18T14:00:00Z");
        for (int round = 1; round <= 3; round++) {
            try (TestDatabase database = TestDatabase.create(backend)) {
                CentralStore store = database.store();
                long connection = TestRows.connection(store, "shop");
                long run = TestRows.run(store, connection, EntityType.ORDERS);
                RecordWriter writer = new RecordWriter(store.dataSource(), Clock.systemUTC());
                long started = System.nanoTime();
                PageCounts totals = PageCounts.ZERO;
                for (int page = 0; page < 100; page++) {
                    List<SourceRecord> orders = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        int n = page * 100 + i;
                        int buyer = n % 4 == 0 ? n / 8 : n; // every fourth order from a returning buyer
                        List<OrderLineRecord> lines = List.of(
                                new OrderLineRecord("l" + n + "a", "p1", "TEA", "Green tea", BigDecimal.ONE,
                                        new BigDecimal("12.50"), new BigDecimal("12.50")),
                                new OrderLineRecord("l" + n + "b", "p2", "MUG", "Mug", new BigDecimal("2"),
                                        new BigDecimal("3.99"), new BigDecimal("7.98")));
                        orders.add(new OrderRecord(String.valueOf(n + 1), "N" + n, "processing", "EUR",
                                new BigDecimal("20.48"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                                "Buyer" + buyer + "@Example.org", "Buyer " + buyer, "+49 30 " + (2000000 + buyer),
                                t0.plusSeconds(n), t0.plusSeconds(n), lines, "{\"id\":" + n + "}"));
                    }
                    SyncCursor cursor = SyncCursor.of(t0.plusSeconds(page * 100L + 99), String.valueOf(page));
                    PageCounts counts = writer.write(new PageWrite(connection, EntityType.ORDERS, run,
                            new RecordPage(orders, cursor), cursor, totals));
                    totals = totals.plus(counts);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("%s round %d: %d orders stored in %d ms (%.0f orders/s)%n", backend, round,
                        totals.inserted(), millis, totals.inserted() * 1000.0 / millis);
            }
        }
    }
}
