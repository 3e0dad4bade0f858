package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.DeliveryReceipt;
import io.tributary.spi.DeliveryRefusedException;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.Shipment;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector as a delivery target of the fake CoopCycle: create, refuse, find again by reference. */
class CoopCycleDeliveryTargetTest {
    private HttpStack http;
    private FakeCoopCycle fake;
    private Connector connector;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeCoopCycle.builder().deliveries(130).seed(2).start();
        ConnectionSettings settings = FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp());
        connector = new CoopCycleConnectorProvider().open(new ConnectionSettings(3, "cc", "coopcycle",
                settings.apiUrl(), Map.of(), settings.secrets()), ConnectorContext.of(Clock.systemUTC(), http));
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private static DeliveryRequest request(String reference, String street, String phone) {
        Instant at = Instant.now().plus(Duration.ofHours(2));
        Shipment shipment = new Shipment("Ana López", null, phone, null, street, null, "75004", "Paris", "FR", null,
                List.of(new Shipment.Item("Mug", "MUG-1", BigDecimal.ONE)));
        return new DeliveryRequest(reference, "731", "Acme shop", shipment,
                new DeliveryRequest.Window(at.minus(Duration.ofHours(1)), at),
                new DeliveryRequest.Window(at, at.plus(Duration.ofHours(1))));
    }

    @Test
    void createsADeliveryThatCanBeFoundAgainByItsReference() {
        DeliveryTarget target = (DeliveryTarget) connector;

        DeliveryReceipt receipt = target.createDelivery(request("trib-1-731", "48 Rue de Rivoli", "+33 6 12 34 56 78"));

        List<JsonNode> created = fake.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref", "trib-1-731");
        assertThat(created).hasSize(1);
        JsonNode delivery = created.get(0);
        assertThat(receipt.deliveryId()).isEqualTo(delivery.get("@id").asText());
        assertThat(receipt.trackingUrl()).isEqualTo(delivery.get("trackingUrl").asText());
        assertThat(delivery.get("dropoff").get("address").get("streetAddress").asText())
                .isEqualTo("48 Rue de Rivoli, 75004 Paris, France");
        assertThat(delivery.get("dropoff").get("address").get("telephone").asText()).isEqualTo("+33612345678");
        assertThat(delivery.get("dropoff").get("address").get("contactName").asText()).isEqualTo("Ana López");
        assertThat(delivery.get("pickup").get("comments").asText()).isEqualTo("Order #731 from Acme shop\n1 × Mug "
                + "(MUG-1)\nRef trib-1-731");
        assertThat(delivery.get("pickup").get("address").get("streetAddress").asText())
                .as("picked up at the store").isEqualTo("24 Rue de la Paix, 75002 Paris");

        Map<String, DeliveryReceipt> found = target.findDeliveries(Set.of("trib-1-731", "trib-1-999"),
                Instant.now().minus(Duration.ofHours(1)));
        assertThat(found).containsOnlyKeys("trib-1-731");
        assertThat(found.get("trib-1-731").deliveryId()).isEqualTo(receipt.deliveryId());
        assertThat(fake.requests().matching("/api/stores/1/deliveries")).as("the newest page is enough").hasSize(1);
    }

    @Test
    void aRefusalNamesCoopCyclesReasonsAndCreatesNothing() {
        DeliveryTarget target = (DeliveryTarget) connector;
        int before = fake.deliveryIds(FakeCoopCycle.STORE_ID).size();

        assertThatThrownBy(() -> target.createDelivery(request("trib-1-1", "1 Nowhere Lane", "+33 6 12 34 56 78")))
                .isInstanceOf(DeliveryRefusedException.class)
                .hasMessage("dropoff.address: The address could not be geocoded.")
                .satisfies(e -> assertThat(((DeliveryRefusedException) e).httpStatus()).isEqualTo(400));
        assertThat(fake.deliveryIds(FakeCoopCycle.STORE_ID)).hasSize(before);
    }

    /**
     * CoopCycle refuses a whole delivery over a phone it cannot read (as the fake does: a 400 hydra:Error, checked
     * in FakeCoopCycleTest); the connector sends the delivery without it, the phone as typed in the comments.
     */
    @Test
    void aPhoneCoopCycleWouldRefuseIsLeftOutRatherThanLosingTheDelivery() {
        DeliveryTarget target = (DeliveryTarget) connector;

        target.createDelivery(request("trib-1-2", "3 Rue du Bac", "call me"));

        JsonNode dropoff = fake.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref", "trib-1-2").get(0)
                .get("dropoff");
        assertThat(dropoff.get("address").get("telephone").isNull()).isTrue();
        assertThat(dropoff.get("comments").asText()).isEqualTo("Order #731 from Acme shop\nPhone as given: call me");
        assertThat(fake.requests().matching("/api/settings")).as("FR was known from the shipment").isEmpty();
    }

    @Test
    void aRevokedTokenIsRenewedOnceWithoutPostingTwice() {
        DeliveryTarget target = (DeliveryTarget) connector;
        target.createDelivery(request("trib-1-1", "48 Rue de Rivoli", null));
        fake.revokeTokens();

        target.createDelivery(request("trib-1-2", "3 Rue du Bac", null));

        assertThat(fake.requests().matching("/oauth2/token")).hasSize(2);
        assertThat(fake.requests().matching("/api/deliveries")).hasSize(3); // the refused 401, then the one created
        assertThat(fake.deliveriesWithMetadata(FakeCoopCycle.STORE_ID, "tributary_ref", "trib-1-2")).hasSize(1);
    }
}
