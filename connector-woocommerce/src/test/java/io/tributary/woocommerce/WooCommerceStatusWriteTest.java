package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.OrderStatusWriter;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A status written back to the fake WooCommerce over real HTTP: taken, refused for a read-only key, refused by a rule. */
class WooCommerceStatusWriteTest {
    private static final String READ_ONLY_KEY = "ck_" + "e".repeat(40);
    private static final String SECRET = "cs_" + "f".repeat(40);

    private HttpStack http;
    private FakeWooCommerce fake;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeWooCommerce.builder().products(5).orders(5).seed(17).start();
        fake.addKey(READ_ONLY_KEY, SECRET, KeyPermission.READ, true);
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private OrderStatusWriter writer(String key, String secret) {
        ConnectionSettings settings = FakeWooCommerceShop.settings(fake.siteUrl(), key, secret, Map.of());
        return (OrderStatusWriter) new WooCommerceConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http));
    }

    private int orderIn(String status) {
        int id = fake.orderIds().get(0);
        fake.editOrder(id, edit -> edit.status(status));
        return id;
    }

    @Test
    void putsTheStatusOnceAndTheShopKeepsIt() {
        int id = orderIn("processing");
        String modifiedBefore = fake.order(id).get("date_modified_gmt").asText();
        fake.clock().advance(java.time.Duration.ofMinutes(1));
        fake.requests().clear();

        OrderStatusWriter.OrderStatusWrite answer = writer(fake.consumerKey(), fake.consumerSecret())
                .writeOrderStatus(Integer.toString(id), "completed");

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.answer()).isEqualTo("status \"completed\"");
        assertThat(fake.order(id).get("status").asText()).isEqualTo("completed");
        assertThat(fake.order(id).get("date_modified_gmt").asText()).as("saved, so the next sync sees it")
                .isNotEqualTo(modifiedBefore);
        List<RecordedRequest> puts = fake.requests().all().stream().filter(r -> r.method().equals("PUT")).toList();
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).path()).isEqualTo("/wp-json/wc/v3/orders/" + id);
        assertThat(puts.get(0).bodyAsString()).isEqualTo("{\"status\":\"completed\"}");
        assertThat(puts.get(0).queryParameter("oauth_signature")).as("signed as a PUT over http").isPresent();
    }

    @Test
    void aKeyThatMayOnlyReadIsRefusedAndNothingChanges() {
        int id = orderIn("processing");

        assertThatThrownBy(() -> writer(READ_ONLY_KEY, SECRET).writeOrderStatus(Integer.toString(id), "completed"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("The consumer key may only read: in WooCommerce > Settings "
                            + "> Advanced > REST API give it Read/Write permission.")
                            .doesNotContain(SECRET).doesNotContain(READ_ONLY_KEY);
                });
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
    }

    @Test
    void aTransitionTheShopForbidsIsRefusedWithItsReason() {
        int id = orderIn("completed");
        fake.forbidStatusTransition("completed", "pending");

        assertThatThrownBy(() -> writer(fake.consumerKey(), fake.consumerSecret())
                .writeOrderStatus(Integer.toString(id), "pending"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("The order cannot go from completed to pending.");
                });
        assertThat(fake.order(id).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aStatusWooCommerceDoesNotKnowIsRefused() {
        int id = orderIn("processing");

        assertThatThrownBy(() -> writer(fake.consumerKey(), fake.consumerSecret())
                .writeOrderStatus(Integer.toString(id), "shipped"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("rest_invalid_param");
                });
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
    }

    @Test
    void verifySaysWhetherTheKeyMayWriteAndChangesNothing() {
        int id = orderIn("processing");
        String modifiedBefore = fake.order(id).get("date_modified_gmt").asText();
        fake.requests().clear();

        VerificationResult full = verify(fake.consumerKey(), fake.consumerSecret());
        VerificationResult readOnly = verify(READ_ONLY_KEY, SECRET);

        assertThat(full.ok()).as(full.message()).isTrue();
        assertThat(full.details()).containsEntry("canWriteOrders", "true");
        assertThat(full.message()).contains("It may also write, so status changes made here reach the shop.");
        assertThat(readOnly.ok()).as("a read-only key still syncs").isTrue();
        assertThat(readOnly.details()).containsEntry("canWriteOrders", "false");
        assertThat(readOnly.message()).contains("It may only read, so status changes made here cannot reach the shop")
                .doesNotContain(SECRET);
        List<RecordedRequest> writes = fake.requests().all().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(writes).extracting(RecordedRequest::method, RecordedRequest::path)
                .as("one empty batch each, nothing else").containsOnly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/wp-json/wc/v3/orders/batch"));
        assertThat(writes).hasSize(2).allSatisfy(r -> assertThat(r.bodyAsString()).isEqualTo("{}"));
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
        assertThat(fake.order(id).get("date_modified_gmt").asText()).isEqualTo(modifiedBefore);
    }

    private VerificationResult verify(String key, String secret) {
        ConnectionSettings settings = FakeWooCommerceShop.settings(fake.siteUrl(), key, secret, Map.of());
        try (var connector = new WooCommerceConnectorProvider().open(settings,
                ConnectorContext.of(Clock.systemUTC(), http))) {
            return connector.verify();
        }
    }

    @Test
    void aRetryAfterALostAnswerSendsNothingTwice() {
        int id = orderIn("processing");
        String order = "/wp-json/wc/v3/orders/" + id;
        // after the read that comes first, the PUT is taken and its answer cut short
        fake.afterRequests(order, 1, () -> fake.faults().inject(io.tributary.testkit.http.Fault.dropMidBody(), 1,
                order));
        fake.requests().clear();
        OrderStatusWriter writer = writer(fake.consumerKey(), fake.consumerSecret());
        assertThatThrownBy(() -> writer.writeOrderStatus(Integer.toString(id), "completed"))
                .isInstanceOf(ConnectorException.class);
        fake.faults().clear();
        long putsBefore = puts();
        assertThat(fake.order(id).get("status").asText()).as("changed; the answer lost").isEqualTo("completed");

        OrderStatusWriter.OrderStatusWrite retried = writer.writeOrderStatus(Integer.toString(id), "completed");

        assertThat(retried.answer()).isEqualTo("status \"completed\" already in WooCommerce; nothing sent");
        assertThat(puts()).as("no second PUT").isEqualTo(putsBefore);
    }

    private long puts() {
        return fake.requests().all().stream().filter(r -> r.method().equals("PUT")).count();
    }
}
