package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.customer.CustomerDetail;
import io.tributary.customer.CustomerService;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WooCommerce's registered customers through the sync engine into a real store (H2 and MariaDB). */
class WooCommerceCustomerSyncTest {
    private static final String CUSTOMERS = "/wp-json/wc/v3/customers";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void registeredCustomersAreStoredAndAreTheCustomersOfTheirOrders(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(20, 500)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            List<Integer> customerIds = fake.customerIds();
            assertThat(customerIds).as("more than one page of customers").hasSizeGreaterThan(100);

            SyncRun orders = f.sync(id, EntityType.ORDERS);
            SyncRun customers = f.sync(id, EntityType.CUSTOMERS);

            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(customers.outcome()).as(customers.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(customers.insertedCount()).isEqualTo(customerIds.size());
            assertThat(customers.notes()).as("the run says it read everything").anySatisfy(note ->
                    assertThat(note).contains("every customer was read"));
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE connection_id = " + id))
                    .isEqualTo(customerIds.size());
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE customer_id IS NULL")).isZero();

            List<RecordedRequest> lists = fake.requests().matching(CUSTOMERS).stream()
                    .filter(r -> r.path().equals(CUSTOMERS)).toList();
            assertThat(lists).hasSize(customerIds.size() / 100 + 1).allSatisfy(r -> {
                assertThat(r.queryParameter("per_page")).contains("100");
                assertThat(r.queryParameter("orderby")).contains("id");
                assertThat(r.queryParameter("modified_after")).as("the endpoint has no such filter").isEmpty();
            });

            int mixedCase = 0;
            for (int customerId : customerIds) {
                JsonNode account = fake.customer(customerId);
                String email = account.get("email").asText();
                long customer = count(f, "SELECT customer_id FROM customer_source WHERE connection_id = " + id
                        + " AND external_id = '" + customerId + "'");
                long sameEmailOrders = count(f, "SELECT COUNT(*) FROM orders WHERE connection_id = " + id
                        + " AND LOWER(customer_email) = '" + email.toLowerCase(java.util.Locale.ROOT) + "'");
                long linkedOrders = count(f, "SELECT COUNT(*) FROM orders WHERE connection_id = " + id
                        + " AND LOWER(customer_email) = '" + email.toLowerCase(java.util.Locale.ROOT) + "'"
                        + " AND customer_id = " + customer);
                assertThat(linkedOrders).as("customer %s's orders are that customer's", customerId)
                        .isEqualTo(sameEmailOrders);
                if (sameEmailOrders > 0 && !orderEmail(f, id, email).equals(email)) {
                    mixedCase++;
                }
            }
            assertThat(mixedCase).as("accounts whose e-mail differs in case from their orders'").isPositive();

            CustomerService service = new CustomerService(f.store.dataSource(), Clock.systemUTC());
            long withoutOrders = 0;
            for (int customerId : customerIds) {
                long customer = count(f, "SELECT customer_id FROM customer_source WHERE connection_id = " + id
                        + " AND external_id = '" + customerId + "'");
                CustomerDetail detail = service.show(customer, null);
                assertThat(detail.accounts()).anySatisfy(a -> {
                    assertThat(a.connectionId()).isEqualTo(id);
                    assertThat(a.externalId()).isEqualTo(Integer.toString(customerId));
                });
                if (detail.orders().isEmpty()) {
                    withoutOrders++;
                    assertThat(detail.customer().emails()).containsExactly(fake.customer(customerId).get("email")
                            .asText().toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(withoutOrders).as("registered, never ordered").isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void everySyncReadsEveryCustomerAndWritesOnlyWhatChanged(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend); FakeWooCommerceShop shop = FakeWooCommerceShop.start(5, 40)) {
            long id = f.connect(shop.settings());
            FakeWooCommerce fake = shop.fake();
            SyncRun first = f.sync(id, EntityType.CUSTOMERS);
            assertThat(first.outcome()).as(first.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            int before = fake.customerIds().size();

            int added = fake.addCustomer("Late.Comer@Example.org", "Late", "Comer", "+33 6 55 44 33 22");
            SyncRun second = f.sync(id, EntityType.CUSTOMERS);

            assertThat(second.outcome()).as(second.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(second.readCount()).as("a full read every time").isEqualTo(before + 1);
            assertThat(second.insertedCount()).isEqualTo(1);
            assertThat(second.updatedCount()).isZero();
            assertThat(second.unchangedCount()).isEqualTo(before);
            assertThat(count(f, "SELECT COUNT(*) FROM customer_source WHERE external_id = '" + added
                    + "' AND email = 'Late.Comer@Example.org' AND phone = '+33 6 55 44 33 22' AND name = 'Late Comer'"))
                    .isEqualTo(1);
            // the order placed afterwards by that person, in lower case, is the same customer
            int product = fake.productIds().stream().filter(p -> fake.variationIds(p).isEmpty()).findFirst().orElseThrow();
            fake.addOrder(List.of(io.tributary.testkit.woocommerce.OrderLine.of(product, 1)),
                    edit -> edit.billingEmail("late.comer@example.org"));
            SyncRun orders = f.sync(id, EntityType.ORDERS);
            assertThat(orders.outcome()).as(orders.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(count(f, "SELECT customer_id FROM orders WHERE customer_email = 'late.comer@example.org'"))
                    .isEqualTo(count(f, "SELECT customer_id FROM customer_source WHERE external_id = '" + added + "'"));
        }
    }

    private static String orderEmail(SyncFixture f, long id, String email) {
        return TestRows.string(f.store, "SELECT MIN(customer_email) FROM orders "
                + "WHERE connection_id = " + id + " AND LOWER(customer_email) = '"
                + email.toLowerCase(java.util.Locale.ROOT) + "'");
    }

    private static long count(SyncFixture f, String sql) {
        return TestRows.count(f.store, sql);
    }
}
