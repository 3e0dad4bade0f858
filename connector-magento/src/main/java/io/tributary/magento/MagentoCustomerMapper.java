package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.CustomerRecord;

/**
 * Maps one customer of {@code GET /V1/customers/search} ({@code Magento\Customer\Api\Data\CustomerInterface}, in
 * magento/magento2 {@code app/code/Magento/Customer/Api/Data/CustomerInterface.php}) to a customer account: {@code id},
 * the e-mail as the shop has it, {@code firstname} and {@code lastname}, {@code created_at} and {@code updated_at}
 * (UTC, no zone designator, as on orders). A Magento customer has no telephone of its own: only its addresses do
 * ({@code AddressInterface::TELEPHONE}, {@code app/code/Magento/Customer/Api/Data/AddressInterface.php}), so the phone
 * is the default billing address's telephone — the address flagged {@code default_billing}, or named by the customer's
 * {@code default_billing} address id — else the first address's, else none.
 */
final class MagentoCustomerMapper {
    private MagentoCustomerMapper() {}

    static CustomerRecord customer(JsonNode json) {
        String id = MagentoProductMapper.id(json, "id");
        return new CustomerRecord(id, Json.text(json, "email"), phone(json), Json.text(json, "firstname"),
                Json.text(json, "lastname"), Json.utcInstant(json, "created_at", id),
                MagentoProductMapper.updatedAt(json, id), json.toString());
    }

    /** The default billing address's telephone, else the first address's; null when neither has one. */
    static String phone(JsonNode json) {
        JsonNode addresses = json.path("addresses");
        if (!addresses.isArray() || addresses.isEmpty()) {
            return null;
        }
        String billingId = Json.text(json, "default_billing");
        for (JsonNode address : addresses) {
            boolean flagged = address.path("default_billing").asBoolean(false);
            if (flagged || (billingId != null && billingId.equals(Json.text(address, "id")))) {
                String telephone = telephone(address);
                if (telephone != null) {
                    return telephone;
                }
                break;
            }
        }
        return telephone(addresses.get(0));
    }

    private static String telephone(JsonNode address) {
        String telephone = Json.text(address, "telephone");
        return telephone == null || telephone.isBlank() ? null : telephone;
    }
}
