package io.tributary.customer;

import static io.tributary.testing.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.RecordWriter;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Orders stored through the record writer land on their customers: matching, merging, undoing, scope. */
class CustomerLinkingTest {

    private static OrderRecord order(String id, String email, String phone, String name, String currency,
            String total) {
        return new OrderRecord(id, "N" + id, "processing", currency, new BigDecimal(total), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, email, name, phone, T0.plusSeconds(Long.parseLong(id)),
                T0.plusSeconds(Long.parseLong(id)), List.of(), "{\"id\":" + id + "}");
    }

    private static void write(CentralStore store, long connection, SourceRecord... orders) {
        long run = TestRows.run(store, connection, EntityType.ORDERS);
        SyncCursor cursor = SyncCursor.of(T0, "1");
        new RecordWriter(store.dataSource(), Clock.systemUTC()).write(new PageWrite(connection, EntityType.ORDERS,
                run, new RecordPage(List.of(orders), cursor), cursor, PageCounts.ZERO));
    }

    /** A connection in its own store (created with the country given, or none). */
    private static long connectionInStore(CentralStore store, String storeCode, String country) {
        try (Connection connection = store.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO store (code, name, country, "
                    + "created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP(6))")) {
                insert.setString(1, storeCode);
                insert.setString(2, storeCode);
                insert.setString(3, country);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO connection (store_id, system_id, "
                    + "name, api_url, options_json, secret_fields, enabled, created_at, updated_at, version) "
                    + "VALUES ((SELECT id FROM store WHERE code = ?), 'scripted', ?, 'https://shop.example/', '{}', "
                    + "'', TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, storeCode);
                insert.setString(2, storeCode + "-shop");
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long customerOf(CentralStore store, long connection, String orderId) {
        return TestRows.count(store, "SELECT customer_id FROM orders WHERE connection_id = " + connection
                + " AND external_id = '" + orderId + "'");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anEmailMatchesWhateverItsCaseAndSpaces(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shopA = connectionInStore(store, "a", "DE");
            long shopB = connectionInStore(store, "b", "DE");
            write(store, shopA, order("1", " Ana.Lopez@Example.ORG ", null, "Ana López", "EUR", "10.50"));
            write(store, shopB, order("2", "ana.lopez@example.org", null, "Ana Lopez", "EUR", "4.50"),
                    order("3", "ANA.LOPEZ@EXAMPLE.ORG", null, null, "USD", "7.00"),
                    order("4", "someone.else@example.org", null, "Bo", "EUR", "1.00"));

            long ana = customerOf(store, shopA, "1");
            assertThat(customerOf(store, shopB, "2")).isEqualTo(ana);
            assertThat(customerOf(store, shopB, "3")).isEqualTo(ana);
            assertThat(customerOf(store, shopB, "4")).isNotEqualTo(ana);
            CustomerView view = new CustomerService(store.dataSource(), Clock.systemUTC()).show(ana, null).customer();
            assertThat(view.orderCount()).isEqualTo(3);
            assertThat(view.name()).as("the most recent order with a name").isEqualTo("Ana Lopez");
            assertThat(view.emails()).containsExactly("ana.lopez@example.org");
            assertThat(view.totalSpent()).isEqualTo(Map.of("EUR", new BigDecimal("15.00"), "USD",
                    new BigDecimal("7.00")));
            assertThat(view.firstOrderAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(view.lastOrderAt()).isEqualTo(T0.plusSeconds(3));
            assertThat(view.seenIn()).extracting(CustomerView.SeenIn::storeCode).containsExactlyInAnyOrder("a", "b");

            write(store, shopA, order("1", " Ana.Lopez@Example.ORG ", null, "Ana López", "EUR", "10.50"));
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer")).as("storing again makes none")
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aPhoneMatchesInTheFormatsOfItsStoresCountry(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long berlin = connectionInStore(store, "berlin", "DE");
            long paris = connectionInStore(store, "paris", "FR");
            long nowhere = connectionInStore(store, "nowhere", null);
            write(store, berlin, order("1", null, "030 1234567", "Jonas", "EUR", "1.00"),
                    order("2", null, "06 12", "Too short", "EUR", "1.00"));
            write(store, paris, order("3", null, "06 12 34 56 78", "Jeanne", "EUR", "1.00"),
                    order("4", null, "+49 (30) 123-4567", "Jonas in Paris", "EUR", "1.00"));
            write(store, nowhere, order("5", null, "0049 30 1234567", "Jonas?", "EUR", "1.00"),
                    order("6", null, "+33 6 12 34 56 78", "Jeanne", "EUR", "1.00"));

            long jonas = customerOf(store, berlin, "1");
            long jeanne = customerOf(store, paris, "3");
            assertThat(customerOf(store, paris, "4")).isEqualTo(jonas);
            assertThat(customerOf(store, nowhere, "6")).isEqualTo(jeanne);
            assertThat(customerOf(store, berlin, "2")).as("no valid number")
                    .isZero();
            assertThat(customerOf(store, nowhere, "5")).as("no country: only +… numbers are read").isZero();
            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());
            assertThat(customers.list(new CustomerService.Filter(null, "+33612345678", null), null, null, 10))
                    .singleElement().satisfies(c -> {
                        assertThat(c.id()).isEqualTo(jeanne);
                        assertThat(c.phones()).containsExactly("+33612345678");
                    });
            assertThat(customers.list(new CustomerService.Filter(null, "030 1234567", "berlin"), null, null, 10))
                    .extracting(CustomerView::id).containsExactly(jonas);
            assertThatThrownBy(() -> customers.list(new CustomerService.Filter("nope", "030 1234567", null), null,
                    null, 10)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("\"nope\" is not an e-mail address.")
                    .hasMessageContaining("\"030 1234567\" is not a phone number");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anOrderLinkingTwoCustomersMergesThemAndTheMergeCanBeUndone(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = connectionInStore(store, "a", "FR");
            long landing = connectionInStore(store, "b", "FR");
            write(store, shop, order("1", "ana@example.org", null, "Ana", "EUR", "10.00"));
            write(store, landing, order("2", null, "06 12 34 56 78", "A. L.", "EUR", "5.00"));
            long byEmail = customerOf(store, shop, "1");
            long byPhone = customerOf(store, landing, "2");
            assertThat(byPhone).isNotEqualTo(byEmail);

            write(store, landing, order("3", "ANA@example.org", "+33612345678", "Ana L", "EUR", "1.00"));

            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());
            CustomerDetail merged = customers.show(byPhone, null);
            assertThat(merged.customer().id()).as("the younger joins the older").isEqualTo(byEmail);
            assertThat(merged.customer().orderCount()).isEqualTo(3);
            assertThat(merged.customer().totalSpent()).isEqualTo(Map.of("EUR", new BigDecimal("16.00")));
            assertThat(merged.merges()).singleElement().satisfies(m -> {
                assertThat(m.survivorId()).isEqualTo(byEmail);
                assertThat(m.absorbedId()).isEqualTo(byPhone);
                assertThat(m.reasonValue()).isEqualTo("+33612345678");
                assertThat(m.orderExternalId()).isEqualTo("3");
                assertThat(m.undoneAt()).isNull();
            });
            assertThat(customerOf(store, landing, "2")).as("each order keeps its own link").isEqualTo(byPhone);
            assertThat(customers.list(CustomerService.Filter.ALL, null, null, 10)).extracting(CustomerView::id)
                    .containsExactly(byEmail);

            CustomerMerge undone = customers.unmerge(merged.merges().get(0).id());
            assertThat(undone.undoneAt()).isNotNull();
            assertThat(customers.show(byEmail, null).customer().orderCount()).isEqualTo(2);
            assertThat(customers.show(byPhone, null).customer().orderCount()).isEqualTo(1);
            assertThat(customers.list(CustomerService.Filter.ALL, null, null, 10)).extracting(CustomerView::id)
                    .containsExactly(byEmail, byPhone);
            assertThatThrownBy(() -> customers.unmerge(undone.id())).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was undone already");

            write(store, landing, order("4", "ana@example.org", "06 12 34 56 78", "Ana L", "EUR", "1.00"));
            assertThat(customers.show(byPhone, null).customer().id()).as("an undone merge stays undone")
                    .isEqualTo(byPhone);
            assertThat(customerOf(store, landing, "4")).isEqualTo(byEmail);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void mergesChainAndUndoingOneKeepsTheOthers(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = connectionInStore(store, "a", "GB");
            write(store, shop, order("1", "x@example.org", null, "X", "GBP", "1.00"),
                    order("2", "y@example.org", "020 7946 0958", "Y", "GBP", "1.00"),
                    order("3", "z@example.org", "020 7946 0959", "Z", "GBP", "1.00"));
            long x = customerOf(store, shop, "1");
            long y = customerOf(store, shop, "2");
            long z = customerOf(store, shop, "3");
            // in one page: y joins x, then z joins the x group (through y's phone)
            write(store, shop, order("4", "x@example.org", "+44 20 7946 0958", null, "GBP", "1.00"),
                    order("5", "z@example.org", "02079460958", null, "GBP", "1.00"));
            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());
            CustomerDetail all = customers.show(z, null);
            assertThat(all.customer().id()).isEqualTo(x);
            assertThat(all.customer().orderCount()).isEqualTo(5);
            assertThat(all.merges()).hasSize(2);

            CustomerMerge yIntoX = all.merges().stream().filter(m -> m.absorbedId() == y).findFirst().orElseThrow();
            assertThat(all.merges()).extracting(CustomerMerge::survivorId).as("tops are merged: z joined x")
                    .containsExactly(x, x);
            customers.unmerge(yIntoX.id());
            assertThat(customers.show(x, null).orders()).extracting(CustomerOrder::externalId)
                    .as("x with z's orders, and the order that linked z").containsExactlyInAnyOrder("1", "3", "4", "5");
            assertThat(customers.show(z, null).customer().id()).isEqualTo(x);
            assertThat(customers.show(y, null).orders()).extracting(CustomerOrder::externalId).containsExactly("2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aCallerOfOneStoreSeesOnlyThatStoresSideOfACustomer(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shopA = connectionInStore(store, "a", "DE");
            long shopB = connectionInStore(store, "b", "DE");
            write(store, shopA, order("1", "ana@example.org", null, "Ana", "EUR", "10.00"));
            write(store, shopB, order("2", "ana@example.org", "+4930123456", "Ana B", "CHF", "99.00"),
                    order("3", "only-b@example.org", null, "Bea", "CHF", "1.00"));
            long ana = customerOf(store, shopA, "1");
            long bea = customerOf(store, shopB, "3");
            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());

            CustomerDetail seenFromA = customers.show(ana, List.of("a"));
            assertThat(seenFromA.orders()).extracting(CustomerOrder::externalId).containsExactly("1");
            assertThat(seenFromA.customer().name()).isEqualTo("Ana");
            assertThat(seenFromA.customer().phones()).isEmpty();
            assertThat(seenFromA.customer().totalSpent()).containsOnlyKeys("EUR");
            assertThat(seenFromA.customer().seenIn()).extracting(CustomerView.SeenIn::storeCode).containsExactly("a");
            assertThat(seenFromA.merges()).isEmpty();
            assertThatThrownBy(() -> customers.show(bea, List.of("a"))).isInstanceOf(NotFoundException.class)
                    .hasMessage("There is no customer with id " + bea + ".");
            assertThat(customers.list(CustomerService.Filter.ALL, List.of("a"), null, 10))
                    .extracting(CustomerView::id).containsExactly(ana);
            assertThat(customers.list(new CustomerService.Filter("only-b@example.org", null, null), List.of("a"), null,
                    10)).isEmpty();
            assertThat(customers.list(new CustomerService.Filter(null, null, "b"), List.of("a"), null, 10)).isEmpty();
            assertThat(customers.list(new CustomerService.Filter(null, null, "b"), null, null, 10))
                    .extracting(CustomerView::id).containsExactly(ana, bea);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void concurrentPagesNamingTheSameNewCustomersMakeEachOnce(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            int writers = 4;
            List<Long> connections = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                connections.add(connectionInStore(store, "s" + w, "DE"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (long connection : connections) {
                    Callable<Void> work = () -> {
                        for (int page = 0; page < 5; page++) {
                            List<SourceRecord> orders = new ArrayList<>();
                            for (int i = 0; i < 50; i++) {
                                int n = page * 50 + i;
                                orders.add(order(String.valueOf(n + 1), "buyer" + n + "@example.org",
                                        "+49 30 " + (1000000 + n), "Buyer " + n, "EUR", "1.00"));
                            }
                            write(store, connection, orders.toArray(SourceRecord[]::new));
                        }
                        return null;
                    };
                    done.add(pool.submit(work));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer")).isEqualTo(250);
            assertThat(TestRows.count(store, "SELECT COUNT(DISTINCT customer_id) FROM orders")).isEqualTo(250);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM orders WHERE customer_id IS NULL")).isZero();
        }
    }
}
