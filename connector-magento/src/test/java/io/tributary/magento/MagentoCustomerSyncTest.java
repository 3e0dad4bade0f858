package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.customer.CustomerDetail;
import io.tributary.customer.CustomerService;
import io.tributary.run.RejectedRecords;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.magento.FakeMagento;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Magento's customer accounts through the sync engine into a real store (H2 and MariaDB), against the fake shop. */
class MagentoCustomerSyncTest {
    private static final String CUSTOMERS = "/rest/V1/customers/search";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void customerAccountsAreStoredWithTheirBillingPhoneAndAreTheCustomersOfTheirOrders(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(20, 500, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            List<Integer> customerIds = fake.customerIds();
            assertThat(customerIds).as("more than one page of customers").hasSizeGreaterThan(100);

            SyncRun orders = f.sync(id, EntityType.ORDERS);
            SyncRun customers = f.sync(id, EntityType.CUSTOMERS);

            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(customers.outcome()).as(customers.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(customers.insertedCount()).isEqualTo(customerIds.size());
            assertThat(customers.rejectedCount()).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE connection_id = " + id))
                    .isEqualTo(customerIds.size());
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE customer_id IS NULL")).isZero();
            JsonNode newest = customerIds.stream().map(fake::customer).max((a, b) -> {
                int byTime = a.get("updated_at").asText().compareTo(b.get("updated_at").asText());
                return byTime != 0 ? byTime : Integer.compare(a.get("id").asInt(), b.get("id").asInt());
            }).orElseThrow();
            assertThat(f.cursors.load(id, EntityType.CUSTOMERS)).isEqualTo(SyncCursor.of(
                    Instant.parse(newest.get("updated_at").asText().replace(' ', 'T') + "Z"), newest.get("id").asText()));

            List<RecordedRequest> lists = fake.requests().matching(CUSTOMERS);
            assertThat(lists).as("pages of 100 walked by keyset").hasSizeBetween(customerIds.size() / 100 + 1,
                    customerIds.size() / 100 + 3).allSatisfy(r -> {
                        assertThat(r.queryParameter("searchCriteria[pageSize]")).contains("100");
                        assertThat(r.queryParameter("searchCriteria[sortOrders][0][field]")).contains("updated_at");
                        assertThat(r.queryParameter("searchCriteria[sortOrders][1][field]")).contains("entity_id");
                        assertThat(r.queryParameter("searchCriteria[currentPage]")).isEmpty();
                    });

            int mixedCase = 0;
            int billingNotFirst = 0;
            int withoutPhone = 0;
            for (int customerId : customerIds) {
                JsonNode account = fake.customer(customerId);
                String email = account.get("email").asText();
                String where = " WHERE connection_id = " + id + " AND external_id = '" + customerId + "'";
                assertThat(TestRows.string(f.store, "SELECT email FROM customer_source" + where)).isEqualTo(email);
                assertThat(TestRows.string(f.store, "SELECT name FROM customer_source" + where))
                        .isEqualTo(account.get("firstname").asText() + " " + account.get("lastname").asText());
                String phone = expectedPhone(account);
                assertThat(TestRows.string(f.store, "SELECT phone FROM customer_source" + where))
                        .as("customer %s's phone", customerId).isEqualTo(phone);
                withoutPhone += phone == null ? 1 : 0;
                JsonNode addresses = account.get("addresses");
                billingNotFirst += addresses.size() > 1 && addresses.get(1).path("default_billing").asBoolean() ? 1 : 0;

                long group = root(f, count(f, "SELECT customer_id FROM customer_source" + where));
                String lower = email.toLowerCase(Locale.ROOT);
                long sameEmailOrders = count(f, "SELECT COUNT(*) FROM orders WHERE connection_id = " + id
                        + " AND LOWER(customer_email) = '" + lower + "'");
                long inGroup = count(f, "SELECT COUNT(*) FROM orders o JOIN customer c ON c.id = o.customer_id"
                        + " WHERE o.connection_id = " + id + " AND LOWER(o.customer_email) = '" + lower + "'"
                        + " AND COALESCE(c.root_id, c.id) = " + group);
                assertThat(inGroup).as("customer %s's orders are that customer's", customerId)
                        .isEqualTo(sameEmailOrders);
                // compared here, not in SQL: MariaDB's collation compares text without case
                if (sameEmailOrders > 0 && !email.equals(TestRows.string(f.store, "SELECT MIN(customer_email) FROM "
                        + "orders WHERE connection_id = " + id + " AND LOWER(customer_email) = '" + lower + "'"))) {
                    mixedCase++;
                }
            }
            assertThat(mixedCase).as("accounts whose e-mail differs in case from their orders'").isPositive();
            assertThat(billingNotFirst).as("a default billing address after another one").isPositive();
            assertThat(withoutPhone).as("accounts without an address").isPositive();

            CustomerService service = new CustomerService(f.store.dataSource(), Clock.systemUTC());
            for (int customerId : customerIds.subList(customerIds.size() - 3, customerIds.size())) {
                long customer = count(f, "SELECT customer_id FROM customer_source WHERE connection_id = " + id
                        + " AND external_id = '" + customerId + "'");
                CustomerDetail detail = service.show(customer, null);
                assertThat(detail.orders()).as("registered, never ordered").isEmpty();
                assertThat(detail.accounts()).anySatisfy(a -> {
                    assertThat(a.connectionId()).isEqualTo(id);
                    assertThat(a.externalId()).isEqualTo(Integer.toString(customerId));
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anIncrementalSyncReadsOnlyTheCustomersChangedSinceTheCursor(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(5, 60, MagentoAuthMode.ADMIN)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            SyncRun first = f.sync(id, EntityType.CUSTOMERS);
            assertThat(first.outcome()).as(first.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            int before = fake.customerIds().size();
            assertThat(first.insertedCount()).isEqualTo(before);

            fake.clock().advance(Duration.ofHours(1));
            int edited = fake.customerIds().get(0);
            fake.editCustomer(edited, e -> e.email("Edited.Once@Example.org").telephone("+33 6 11 22 33 44"));
            fake.requests().clear();
            SyncRun second = f.sync(id, EntityType.CUSTOMERS);

            assertThat(second.outcome()).as(second.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(second.updatedCount()).isEqualTo(1);
            assertThat(second.insertedCount()).isZero();
            assertThat(second.readCount()).as("the edit, and what the 5-minute lookback re-reads").isLessThan(15);
            assertThat(fake.requests().matching(CUSTOMERS)).isNotEmpty().allSatisfy(r -> {
                assertThat(r.queryParameter("searchCriteria[filter_groups][0][filters][0][field]")).contains("updated_at");
                assertThat(r.queryParameter("searchCriteria[filter_groups][0][filters][0][condition_type]"))
                        .contains("gteq");
            });
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE external_id = '" + edited
                    + "' AND email = 'Edited.Once@Example.org' AND phone = '+33 6 11 22 33 44'")).isEqualTo(1);

            fake.clock().advance(Duration.ofMinutes(10));
            int added = fake.addCustomer("Late.Comer@Example.org", "Late", "Comer", "+33 6 55 44 33 22");
            fake.requests().clear();
            SyncRun third = f.sync(id, EntityType.CUSTOMERS);
            assertThat(third.outcome()).as(third.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(third.insertedCount()).isEqualTo(1);
            assertThat(third.updatedCount()).isZero();
            assertThat(third.readCount()).as("the new one, and the edit again within the lookback").isLessThanOrEqualTo(2);
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE external_id = '" + added
                    + "' AND name = 'Late Comer' AND phone = '+33 6 55 44 33 22'")).isEqualTo(1);
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE connection_id = " + id))
                    .isEqualTo(before + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aMalformedCustomerIsSetAsideWhileTheRestOfItsPageIsStored(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeMagentoShop shop = FakeMagentoShop.start(5, 60, MagentoAuthMode.INTEGRATION)) {
            long id = f.connect(shop.settings());
            FakeMagento fake = shop.fake();
            int damaged = fake.customerIds().get(5);
            fake.damageCustomer(damaged, json -> json.put("created_at", "le 3 mars"));

            SyncRun run = f.sync(id, EntityType.CUSTOMERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.rejectedCount()).isEqualTo(1);
            assertThat(run.insertedCount()).isEqualTo(fake.customerIds().size() - 1);
            RejectedRecords.Rejected rejected = new RejectedRecords(f.store.dataSource()).list(run.id(), null, null, 10)
                    .get(0);
            assertThat(rejected.externalId()).isEqualTo(Integer.toString(damaged));
            assertThat(rejected.reason()).isEqualTo("Record " + damaged + " has created_at 'le 3 mars', which is not a "
                    + "date and time.");
            assertThat(rejected.payload()).contains("le 3 mars");

            fake.damageCustomer(damaged, null);
            fake.clock().advance(Duration.ofMinutes(10));
            fake.editCustomer(damaged, e -> e.name("Mended", "Record"));
            SyncRun mended = f.sync(id, EntityType.CUSTOMERS);
            assertThat(mended.rejectedCount()).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE external_id = '" + damaged
                    + "' AND name = 'Mended Record'")).isEqualTo(1);
        }
    }

    /** The default billing address's telephone, else the first address's, else none. */
    private static String expectedPhone(JsonNode account) {
        JsonNode addresses = account.get("addresses");
        for (JsonNode address : addresses) {
            if (address.path("default_billing").asBoolean(false)) {
                return address.get("telephone").asText();
            }
        }
        return addresses.isEmpty() ? null : addresses.get(0).get("telephone").asText();
    }

    private static long root(SyncFixture f, long customer) {
        return count(f, "SELECT COALESCE(root_id, id) FROM customer WHERE id = " + customer);
    }

    private static long count(SyncFixture f, String sql) {
        return TestRows.count(f.store, sql);
    }
}
