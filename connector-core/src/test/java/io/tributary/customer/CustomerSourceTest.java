package io.tributary.customer;

import static io.tributary.testing.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.run.PageCounts;
import io.tributary.run.PageWrite;
import io.tributary.run.RecordWriter;
import io.tributary.spi.CustomerRecord;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customer accounts read from a source: stored in customer_source, linked to the customers of their orders. */
class CustomerSourceTest {

    static CustomerRecord account(String id, String email, String phone, String first, String last) {
        return new CustomerRecord(id, email, phone, first, last, T0.plusSeconds(Long.parseLong(id)),
                T0.plusSeconds(100 + Long.parseLong(id)), "{\"id\":" + id + "}");
    }

    static OrderRecord order(String id, String email, String phone) {
        return new OrderRecord(id, "N" + id, "processing", "EUR", new BigDecimal("10.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, email, "Someone", phone, T0.plusSeconds(Long.parseLong(id)),
                T0.plusSeconds(Long.parseLong(id)), List.of(), "{\"id\":" + id + "}");
    }

    static PageCounts write(CentralStore store, long connection, EntityType entity, SourceRecord... records) {
        long run = TestRows.run(store, connection, entity);
        SyncCursor cursor = SyncCursor.of(T0, "1");
        return new RecordWriter(store.dataSource(), Clock.systemUTC()).write(new PageWrite(connection, entity,
                run, new RecordPage(List.of(records), cursor), cursor, PageCounts.ZERO));
    }

    /** A connection in its own store (created with the country given, or none). */
    static long connectionInStore(CentralStore store, String storeCode, String country) {
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

    static long customerOfAccount(CentralStore store, long connection, String id) {
        return TestRows.count(store, "SELECT customer_id FROM customer_source WHERE connection_id = " + connection
                + " AND external_id = '" + id + "'");
    }

    static long customerOfOrder(CentralStore store, long connection, String id) {
        return TestRows.count(store, "SELECT customer_id FROM orders WHERE connection_id = " + connection
                + " AND external_id = '" + id + "'");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void accountsAreStoredAndLinkedLikeOrdersWhicheverComesFirst(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = connectionInStore(store, "a", "FR");
            write(store, shop, EntityType.ORDERS, order("1", "ana@example.org", null),
                    order("2", null, "06 12 34 56 78"));

            PageCounts counts = write(store, shop, EntityType.CUSTOMERS,
                    account("11", "  ANA@Example.ORG", null, "Ana", "Lopez"),
                    account("12", "bo@example.org", "+33 6 12 34 56 78", "Bo", null),
                    account("13", "never.ordered@example.org", null, "Cy", "Nord"));
            assertThat(counts.inserted()).isEqualTo(3);
            assertThat(customerOfAccount(store, shop, "11")).as("the e-mail matches in another case")
                    .isEqualTo(customerOfOrder(store, shop, "1"));
            assertThat(customerOfAccount(store, shop, "12")).as("the phone in another format")
                    .isEqualTo(customerOfOrder(store, shop, "2"));
            long cy = customerOfAccount(store, shop, "13");
            assertThat(cy).as("an account without orders is a customer too").isPositive()
                    .isNotIn(customerOfAccount(store, shop, "11"), customerOfAccount(store, shop, "12"));
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer")).isEqualTo(3);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer_source WHERE name = 'Ana Lopez' "
                    + "AND source_updated_at IS NOT NULL AND stored_at IS NOT NULL")).isEqualTo(1);

            // the account first, the order later: the order finds the account's customer
            write(store, shop, EntityType.ORDERS, order("3", "Never.Ordered@EXAMPLE.org", null));
            assertThat(customerOfOrder(store, shop, "3")).isEqualTo(cy);

            PageCounts again = write(store, shop, EntityType.CUSTOMERS,
                    account("11", "  ANA@Example.ORG", null, "Ana", "Lopez"),
                    account("13", "never.ordered@example.org", null, "Cy", "Nord-Est"));
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(again.updated()).isEqualTo(1);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer")).as("storing again makes none")
                    .isEqualTo(3);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer_source WHERE customer_id IS NULL"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anAccountWithoutEmailOrPhoneIsStoredWithoutCustomer(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = connectionInStore(store, "a", null);
            write(store, shop, EntityType.CUSTOMERS, account("21", null, " ", "No", "Body"));
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer_source WHERE customer_id IS NULL"))
                    .isEqualTo(1);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM customer")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aCustomerWithoutOrdersIsListedAndShowsItsSourceRecords(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shop = connectionInStore(store, "a", "FR");
            write(store, shop, EntityType.ORDERS, order("1", "ana@example.org", null));
            write(store, shop, EntityType.CUSTOMERS, account("11", "Ana@Example.org", null, "Ana", "Lopez"),
                    account("13", "never.ordered@example.org", "06 11 22 33 44", "Cy", "Nord"));
            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());
            long cy = customerOfAccount(store, shop, "13");

            List<CustomerView> all = customers.list(CustomerService.Filter.ALL, null, null, 50);
            List<CustomerView> inA = customers.list(CustomerService.Filter.ALL, List.of("a"), null, 50);
            for (List<CustomerView> listing : List.of(all, inA)) {
                assertThat(listing).extracting(CustomerView::id).containsExactly(customerOfOrder(store, shop, "1"), cy);
                CustomerView never = listing.get(1);
                assertThat(never.orderCount()).isZero();
                assertThat(never.name()).isEqualTo("Cy Nord");
                assertThat(never.emails()).containsExactly("never.ordered@example.org");
                assertThat(never.phones()).containsExactly("+33611223344");
                assertThat(never.seenIn()).extracting(CustomerView.SeenIn::storeCode).containsExactly("a");
            }
            assertThat(customers.list(new CustomerService.Filter("NEVER.ordered@example.org", null, null), null, null,
                    50)).extracting(CustomerView::id).containsExactly(cy);

            CustomerDetail detail = customers.show(cy, List.of("a"));
            assertThat(detail.orders()).isEmpty();
            assertThat(detail.accounts()).extracting(CustomerAccount::connectionId, CustomerAccount::externalId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(shop, "13"));
            CustomerDetail ana = customers.show(customerOfOrder(store, shop, "1"), null);
            assertThat(ana.orders()).hasSize(1);
            assertThat(ana.accounts()).extracting(CustomerAccount::externalId).containsExactly("11");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aCallerOfOneStoreNeverSeesAnotherStoresSourceRecord(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long shopA = connectionInStore(store, "a", "FR");
            long shopB = connectionInStore(store, "b", "FR");
            write(store, shopA, EntityType.ORDERS, order("1", "ana@example.org", null));
            write(store, shopB, EntityType.CUSTOMERS, account("11", "ANA@example.org", "06 99 88 77 66", "Ana", "B"),
                    account("12", "only.in.b@example.org", null, "Bea", "Bee"));
            CustomerService customers = new CustomerService(store.dataSource(), Clock.systemUTC());
            long ana = customerOfOrder(store, shopA, "1");
            long bea = customerOfAccount(store, shopB, "12");
            assertThat(customerOfAccount(store, shopB, "11")).isEqualTo(ana);

            CustomerDetail asA = customers.show(ana, List.of("a"));
            assertThat(asA.accounts()).as("store b's account is b's side only").isEmpty();
            assertThat(asA.customer().phones()).as("nor its phone").isEmpty();
            assertThat(asA.customer().seenIn()).extracting(CustomerView.SeenIn::storeCode).containsExactly("a");
            CustomerDetail asB = customers.show(ana, List.of("b"));
            assertThat(asB.orders()).isEmpty();
            assertThat(asB.accounts()).extracting(CustomerAccount::externalId).containsExactly("11");

            assertThat(customers.list(CustomerService.Filter.ALL, List.of("a"), null, 50))
                    .extracting(CustomerView::id).containsExactly(ana);
            assertThat(customers.list(CustomerService.Filter.ALL, List.of("b"), null, 50))
                    .extracting(CustomerView::id).containsExactly(ana, bea);
            assertThat(customers.list(new CustomerService.Filter("only.in.b@example.org", null, null), List.of("a"),
                    null, 50)).as("found by key, but nothing of it in a").isEmpty();
            assertThatThrownBy(() -> customers.show(bea, List.of("a"))).isInstanceOf(NotFoundException.class);
            assertThat(customers.list(CustomerService.Filter.ALL, List.of("c"), null, 50)).isEmpty();
        }
    }
}
