package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.OrderStatusWriter;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.magento.FakeMagento;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A status written back to the fake Magento as an order comment, over real HTTP, in admin and integration modes. */
class MagentoStatusWriteTest {
    private HttpStack http;
    private FakeMagento fake;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeMagento.builder().products(5).orders(5).seed(23).start();
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private OrderStatusWriter writer(MagentoAuthMode mode) {
        ConnectionSettings settings = FakeMagentoShop.settings(fake.apiUrl(), mode, fake.integration(),
                fake.adminUsername(), fake.adminPassword());
        return (OrderStatusWriter) new MagentoConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http));
    }

    private int orderIn(String state, String status) {
        int id = fake.orderIds().get(0);
        fake.editOrder(id, edit -> edit.status(state, status));
        return id;
    }

    @Test
    void aCommentCarriesTheStatusOnceAndTheOrderHasIt() throws Exception {
        int id = orderIn("processing", "processing");
        fake.requests().clear();

        OrderStatusWriter.OrderStatusWrite answer = writer(MagentoAuthMode.INTEGRATION)
                .writeOrderStatus(Integer.toString(id), "fraud");

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.answer()).isEqualTo("true");
        assertThat(fake.order(id).get("status").asText()).isEqualTo("fraud");
        List<RecordedRequest> posts = fake.requests().all().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).path()).isEqualTo("/rest/V1/orders/" + id + "/comments");
        JsonNode history = new ObjectMapper().readTree(posts.get(0).bodyAsString()).get("statusHistory");
        assertThat(history.get("status").asText()).isEqualTo("fraud");
        assertThat(history.get("is_customer_notified").asInt()).isZero();
        assertThat(history.get("is_visible_on_front").asInt()).isZero();
        assertThat(fake.comments(id)).hasSize(1);
        assertThat(fake.comments(id).get(0)[1]).isEqualTo("fraud");
    }

    @Test
    void aCustomStatusAssignedToTheStateIsTakenInAdminMode() {
        int id = orderIn("processing", "processing");
        fake.assignStatus("packed", "processing");

        writer(MagentoAuthMode.ADMIN).writeOrderStatus(Integer.toString(id), "packed");

        assertThat(fake.order(id).get("status").asText()).isEqualTo("packed");
    }

    @Test
    void aStatusOfAnotherStateIsKeptByMagentoAndReportedAsRefused() {
        int id = orderIn("processing", "processing");

        assertThatThrownBy(() -> writer(MagentoAuthMode.INTEGRATION).writeOrderStatus(Integer.toString(id), "complete"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.getMessage()).isEqualTo("Magento added the comment but kept order " + id + " at "
                            + "status \"processing\" (state \"processing\"): a comment only sets a status of the "
                            + "order's current state; another state needs an invoice, a shipment or a credit memo "
                            + "in Magento.");
                });
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
    }

    @Test
    void credentialsWithoutTheCommentResourceAreRefusedAndNothingIsPosted() {
        int id = orderIn("processing", "processing");
        fake.denyResource(FakeMagento.COMMENTS_RESOURCE);

        assertThatThrownBy(() -> writer(MagentoAuthMode.INTEGRATION).writeOrderStatus(Integer.toString(id), "fraud"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("Magento_Sales::comment");
                });
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
        assertThat(fake.comments(id)).isEmpty();
    }

    @Test
    void verifySaysWhetherTheCredentialsMayCommentAndWritesNothing() {
        int id = orderIn("processing", "processing");

        VerificationResult allowed = verify(MagentoAuthMode.INTEGRATION);
        fake.denyResource(FakeMagento.COMMENTS_RESOURCE);
        VerificationResult denied = verify(MagentoAuthMode.INTEGRATION);

        assertThat(allowed.ok()).as(allowed.message()).isTrue();
        assertThat(allowed.details()).containsEntry("canWriteOrders", "true");
        assertThat(allowed.message()).contains("It may also comment on orders, so status changes made here reach "
                + "the shop.");
        assertThat(denied.ok()).as("credentials that may not write still sync").isTrue();
        assertThat(denied.details()).containsEntry("canWriteOrders", "false");
        assertThat(denied.message()).contains("It may not comment on orders (Magento_Sales::comment), so status "
                + "changes made here cannot reach the shop");
        assertThat(fake.comments(id)).isEmpty();
        assertThat(fake.order(id).get("status").asText()).isEqualTo("processing");
    }

    private VerificationResult verify(MagentoAuthMode mode) {
        ConnectionSettings settings = FakeMagentoShop.settings(fake.apiUrl(), mode, fake.integration(),
                fake.adminUsername(), fake.adminPassword());
        try (var connector = new MagentoConnectorProvider().open(settings,
                ConnectorContext.of(Clock.systemUTC(), http))) {
            return connector.verify();
        }
    }

    @Test
    void aRetryAfterALostAnswerAddsNoSecondComment() {
        int id = orderIn("processing", "processing");
        fake.faults().inject(io.tributary.testkit.http.Fault.dropMidBody(), 1, "/rest/V1/orders/" + id + "/comments");
        OrderStatusWriter writer = writer(MagentoAuthMode.INTEGRATION);

        assertThatThrownBy(() -> writer.writeOrderStatus(Integer.toString(id), "fraud"))
                .as("the comment was added, its answer lost").isInstanceOf(ConnectorException.class);
        assertThat(fake.comments(id)).hasSize(1);
        OrderStatusWriter.OrderStatusWrite retried = writer.writeOrderStatus(Integer.toString(id), "fraud");

        assertThat(retried.httpStatus()).isEqualTo(200);
        assertThat(retried.answer()).isEqualTo("status \"fraud\" already in Magento; nothing sent");
        assertThat(fake.comments(id)).as("no second comment").hasSize(1);
        assertThat(fake.order(id).get("status").asText()).isEqualTo("fraud");
    }
}
