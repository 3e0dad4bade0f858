package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.spi.Shipment;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import org.junit.jupiter.api.Test;

/** What a courier gets from a WooCommerce order: shipping address, recipient, phone and its country, items, note. */
class WooCommerceShipmentTest {
    private final WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();

    @Test
    void readsTheShippingAddressRecipientAndItems() {
        try (FakeWooCommerce shop = FakeWooCommerce.builder().products(20).orders(30).seed(3).start()) {
            for (int id : shop.orderIds()) {
                JsonNode order = shop.order(id);
                Shipment shipment = provider.shipmentOf(order.toString());
                JsonNode shipping = order.get("shipping");
                assertThat(shipment.street()).isEqualTo(shipping.get("address_1").asText());
                assertThat(shipment.postcode()).isEqualTo(shipping.get("postcode").asText());
                assertThat(shipment.city()).isEqualTo(shipping.get("city").asText());
                assertThat(shipment.country()).isEqualTo(shipping.get("country").asText());
                assertThat(shipment.state()).isEqualTo(shipping.get("state").asText().isEmpty() ? null
                        : shipping.get("state").asText());
                assertThat(shipment.recipientName()).isEqualTo(shipping.get("first_name").asText() + " "
                        + shipping.get("last_name").asText());
                JsonNode phoneAddress = shipping.get("phone").asText().isEmpty() ? order.get("billing") : shipping;
                assertThat(shipment.phone()).isEqualTo(phoneAddress.get("phone").asText());
                assertThat(shipment.phoneCountry()).isEqualTo(phoneAddress.get("country").asText());
                assertThat(shipment.email()).isEqualTo(order.get("billing").get("email").asText());
                assertThat(shipment.items()).hasSize(order.get("line_items").size());
                assertThat(shipment.items().get(0).name()).as("HTML entities decoded").isEqualTo(
                        org.apache.commons.text.StringEscapeUtils.unescapeHtml4(order.get("line_items").get(0)
                                .get("name").asText()));
                assertThat(shipment.items().get(0).quantity().intValueExact())
                        .isEqualTo(order.get("line_items").get(0).get("quantity").asInt());
            }
        }
    }

    @Test
    void aBillingPhoneBelongsToTheBillingCountryAndTheStateComesAlong() throws Exception {
        Shipment shipment = provider.shipmentOf("{\"id\":7,\"number\":\"7\",\"shipping\":{\"first_name\":"
                + "\"Ana\",\"address_1\":\"1 Market St\",\"city\":\"San Francisco\",\"state\":\"CA\","
                + "\"postcode\":\"94105\",\"country\":\"US\",\"phone\":\"\"},\"billing\":{\"phone\":"
                + "\"0470 12 34 56\",\"country\":\"BE\"},\"line_items\":[]}");
        assertThat(shipment.phone()).isEqualTo("0470 12 34 56");
        assertThat(shipment.phoneCountry()).as("typed in Belgium").isEqualTo("BE");
        assertThat(shipment.state()).isEqualTo("CA");
        assertThat(shipment.country()).isEqualTo("US");
    }

    @Test
    void anOrderWithoutShippingAddressCannotBeDelivered() throws Exception {
        ObjectNode order = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"id\":12,\"number\":\"12\",\"shipping\":{\"address_1\":\"\"},\"billing\":{\"phone\":\"0601\"},"
                        + "\"line_items\":[]}");
        assertThatThrownBy(() -> provider.shipmentOf(order.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WooCommerce order 12 has no shipping address.");
    }
}
