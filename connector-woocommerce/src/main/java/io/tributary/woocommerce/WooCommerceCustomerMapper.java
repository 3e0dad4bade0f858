package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.CustomerRecord;

/**
 * Maps a WooCommerce customer ({@code GET /wc/v3/customers}) to a customer account: the account's e-mail (its billing
 * e-mail when the account has none), the billing phone (the account itself has no phone), the account's names (the
 * billing names when it has none), {@code date_created_gmt} and {@code date_modified_gmt}. A customer never edited
 * since it registered may have no {@code date_modified_gmt}: the host then stores the time of the sync.
 */
final class WooCommerceCustomerMapper {
    private WooCommerceCustomerMapper() {}

    static CustomerRecord customer(JsonNode json) {
        String id = WooCommerceProductMapper.id(json);
        JsonNode billing = json.path("billing");
        return new CustomerRecord(id, firstPresent(Json.text(json, "email"), Json.text(billing, "email")),
                blankToNull(Json.text(billing, "phone")),
                WooCommerceText.decoded(firstPresent(Json.text(json, "first_name"), Json.text(billing, "first_name"))),
                WooCommerceText.decoded(firstPresent(Json.text(json, "last_name"), Json.text(billing, "last_name"))),
                Json.utcInstant(json, "date_created_gmt", id), Json.utcInstant(json, "date_modified_gmt", id),
                json.toString());
    }

    private static String firstPresent(String first, String second) {
        return blankToNull(first) != null ? first : blankToNull(second);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
