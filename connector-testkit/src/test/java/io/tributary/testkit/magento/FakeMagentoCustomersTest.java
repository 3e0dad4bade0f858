package io.tributary.testkit.magento;

import static io.tributary.testkit.magento.MagentoTestClient.json;
import static io.tributary.testkit.magento.MagentoTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** GET /V1/customers/search: the seeded accounts, searchCriteria on them, edits and the ACL resource. */
class FakeMagentoCustomersTest {

    private static final String CUSTOMERS = "rest/V1/customers/search?";
    private static final String SORTED = query("searchCriteria[sortOrders][0][field]", "updated_at",
            "searchCriteria[sortOrders][0][direction]", "ASC", "searchCriteria[sortOrders][1][field]", "entity_id",
            "searchCriteria[sortOrders][1][direction]", "ASC");

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.get("items").forEach(items::add);
        return items;
    }

    @Test
    void theAccountsAreThoseOfTheOrdersAndSomeThatNeverOrderedTheSameForTheSameSeed() {
        try (FakeMagento shop = FakeMagento.builder().products(30).orders(200).seed(7).start();
                FakeMagento again = FakeMagento.builder().products(30).orders(200).seed(7).start()) {
            Map<Integer, JsonNode> firstOrder = new LinkedHashMap<>();
            for (int id : shop.orderIds()) {
                JsonNode order = shop.order(id);
                if (order.has("customer_id")) {
                    firstOrder.putIfAbsent(order.get("customer_id").asInt(), order);
                }
            }
            assertThat(firstOrder).hasSizeGreaterThan(50);
            Set<Integer> expected = new TreeSet<>(firstOrder.keySet());
            List<Integer> ids = shop.customerIds();
            assertThat(ids).containsAll(expected).hasSize(expected.size() + MagentoCustomers.WITHOUT_ORDERS);
            assertThat(again.customerIds()).isEqualTo(ids);
            ids.forEach(id -> assertThat(again.customer(id)).isEqualTo(shop.customer(id)));

            int otherCase = 0;
            int withoutAddress = 0;
            int billingNotFirst = 0;
            for (Map.Entry<Integer, JsonNode> entry : firstOrder.entrySet()) {
                JsonNode customer = shop.customer(entry.getKey());
                JsonNode order = entry.getValue();
                assertThat(customer.get("email").asText()).isEqualToIgnoringCase(order.get("customer_email").asText());
                otherCase += customer.get("email").asText().equals(order.get("customer_email").asText()) ? 0 : 1;
                assertThat(customer.has("telephone")).as("Magento keeps phones on addresses only").isFalse();
                JsonNode addresses = customer.get("addresses");
                withoutAddress += addresses.isEmpty() ? 1 : 0;
                for (int i = 0; i < addresses.size(); i++) {
                    JsonNode address = addresses.get(i);
                    boolean billing = address.path("default_billing").asBoolean(false);
                    assertThat(billing).isEqualTo(address.get("id").asText().equals(customer.path("default_billing")
                            .asText()));
                    if (billing) {
                        assertThat(address.get("telephone").asText())
                                .isEqualTo(order.get("billing_address").get("telephone").asText());
                        billingNotFirst += i > 0 ? 1 : 0;
                    }
                }
                assertThat(customer.get("created_at").asText()).isLessThan(order.get("created_at").asText());
            }
            assertThat(otherCase).as("e-mails written in another case than at checkout").isPositive();
            assertThat(withoutAddress).isPositive();
            assertThat(billingNotFirst).as("a shipping address before the default billing one").isPositive();
            assertThat(ids.stream().map(shop::customer).map(c -> c.get("email").asText()))
                    .contains("registered.only1@example.org", "registered.only2@example.org");
        }
    }

    @Test
    void searchCriteriaSortFilterAndPageAccountsAndAnEditMovesOneToTheEnd() {
        try (FakeMagento shop = FakeMagento.builder().products(20).orders(320).seed(3).start()) {
            MagentoTestClient client = new MagentoTestClient(shop);
            assertThat(client.get("rest/V1/customers/search").statusCode()).as("searchCriteria is required")
                    .isEqualTo(400);
            JsonNode whole = ok(client.get(CUSTOMERS + SORTED));
            List<JsonNode> all = items(whole);
            assertThat(whole.get("total_count").asInt()).isEqualTo(shop.customerIds().size()).isEqualTo(all.size());
            for (int i = 1; i < all.size(); i++) {
                JsonNode a = all.get(i - 1);
                JsonNode b = all.get(i);
                int byTime = a.get("updated_at").asText().compareTo(b.get("updated_at").asText());
                assertThat(byTime < 0 || (byTime == 0 && a.get("id").asInt() < b.get("id").asInt())).isTrue();
            }

            List<Integer> paged = new ArrayList<>();
            for (int page = 1; (page - 1) * 50 < all.size(); page++) {
                JsonNode list = ok(client.get(CUSTOMERS + SORTED + "&" + query("searchCriteria[pageSize]", "50",
                        "searchCriteria[currentPage]", Integer.toString(page))));
                assertThat(list.get("total_count").asInt()).isEqualTo(all.size());
                items(list).forEach(c -> paged.add(c.get("id").asInt()));
            }
            assertThat(paged).containsExactlyElementsOf(all.stream().map(c -> c.get("id").asInt()).toList());

            JsonNode pivot = all.get(all.size() / 2);
            List<JsonNode> after = items(ok(client.get(CUSTOMERS + MagentoTestClient.after(
                    pivot.get("updated_at").asText(), pivot.get("id").asInt(), 1000))));
            assertThat(after).extracting(c -> c.get("id").asInt()).containsExactlyElementsOf(
                    all.subList(all.size() / 2 + 1, all.size()).stream().map(c -> c.get("id").asInt()).toList());

            int edited = all.get(0).get("id").asInt();
            String newest = all.get(all.size() - 1).get("updated_at").asText();
            shop.clock().advance(Duration.ofMinutes(5));
            shop.editCustomer(edited, e -> e.email("Moved.On@Example.org").telephone("+33 6 00 00 00 01"));
            List<JsonNode> changed = items(ok(client.get(CUSTOMERS + query(
                    "searchCriteria[filter_groups][0][filters][0][field]", "updated_at",
                    "searchCriteria[filter_groups][0][filters][0][value]", newest,
                    "searchCriteria[filter_groups][0][filters][0][condition_type]", "gt"))));
            assertThat(changed).singleElement().satisfies(c -> {
                assertThat(c.get("id").asInt()).isEqualTo(edited);
                assertThat(c.get("email").asText()).isEqualTo("Moved.On@Example.org");
                assertThat(c.get("addresses")).anySatisfy(a -> {
                    assertThat(a.path("default_billing").asBoolean()).isTrue();
                    assertThat(a.get("telephone").asText()).isEqualTo("+33 6 00 00 00 01");
                });
            });

            int added = shop.addCustomer("new.comer@example.org", "New", "Comer", null);
            assertThat(shop.customer(added).get("addresses")).isEmpty();
            assertThat(added).isGreaterThan(all.stream().mapToInt(c -> c.get("id").asInt()).max().orElseThrow());

            shop.denyResource(FakeMagento.CUSTOMERS_RESOURCE);
            HttpResponse<String> denied = client.get(CUSTOMERS + SORTED);
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(json(denied).get("parameters").get("resources").asText()).isEqualTo("Magento_Customer::customer");
        }
    }
}
