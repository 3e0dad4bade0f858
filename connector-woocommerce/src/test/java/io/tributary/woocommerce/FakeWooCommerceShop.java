package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.testkit.contract.ContractFaults;
import io.tributary.testkit.contract.ContractShop;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The testkit's fake WooCommerce shop, adapted for the connector contract test and the sync tests. */
final class FakeWooCommerceShop implements ContractShop {
    private final FakeWooCommerce fake;
    private int editRound;

    FakeWooCommerceShop(FakeWooCommerce fake) {
        this.fake = fake;
    }

    static FakeWooCommerceShop start(int products, int orders) {
        return new FakeWooCommerceShop(FakeWooCommerce.builder().products(products).orders(orders).seed(7).start());
    }

    public FakeWooCommerce fake() {
        return fake;
    }

    @Override
    public ContractFaults faults() {
        return ContractFaults.of(fake);
    }

    @Override
    public ConnectionSettings settings() {
        return settings(fake.siteUrl(), fake.consumerKey(), fake.consumerSecret(), Map.of());
    }

    ConnectionSettings settings(Map<String, String> options) {
        return settings(fake.siteUrl(), fake.consumerKey(), fake.consumerSecret(), options);
    }

    static ConnectionSettings settings(URI url, String key, String secret, Map<String, String> options) {
        return new ConnectionSettings(0, "fake shop", "woocommerce", url, options,
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of(key), CredentialField.SECRET, Secret.of(secret)));
    }

    @Override
    public ConnectionSettings withBadCredentials() {
        return settings(fake.siteUrl(), fake.consumerKey(), "cs_" + "0".repeat(40), Map.of());
    }

    @Override
    public ConnectionSettings atUrl(URI url) {
        return settings(url, fake.consumerKey(), fake.consumerSecret(), Map.of());
    }

    @Override
    public Map<String, String> productPrices() {
        Map<String, String> prices = new LinkedHashMap<>();
        for (int id : fake.productIds()) {
            JsonNode product = fake.product(id);
            prices.put(Integer.toString(id), price(product));
            for (int variation : fake.variationIds(id)) {
                prices.put(Integer.toString(variation), price(fake.variation(id, variation)));
            }
        }
        return prices;
    }

    @Override
    public Map<String, String> orderTotals() {
        Map<String, String> totals = new LinkedHashMap<>();
        for (int id : fake.orderIds()) {
            totals.put(Integer.toString(id), fake.order(id).get("total").asText());
        }
        return totals;
    }

    /** Gives {@code count} simple products a new price, different in every round of edits. */
    @Override
    public Map<String, String> editProducts(int count) {
        editRound++;
        Map<String, String> edited = new LinkedHashMap<>();
        for (int id : fake.productIds()) {
            if (edited.size() == count) {
                break;
            }
            if (!"simple".equals(fake.product(id).get("type").asText())) {
                continue;
            }
            String price = new BigDecimal("100.01").add(BigDecimal.valueOf(editRound * 10 + edited.size())).toPlainString();
            fake.editProduct(id, edit -> edit.regularPrice(price).salePrice(null));
            edited.put(Integer.toString(id), price(fake.product(id)));
        }
        return edited;
    }

    @Override
    public Map<String, String> editOrders(int count) {
        Map<String, String> edited = new LinkedHashMap<>();
        List<String> statuses = List.of("completed", "on-hold", "processing");
        for (int id : fake.orderIds().subList(0, count)) {
            String current = fake.order(id).get("status").asText();
            String next = statuses.stream().filter(s -> !s.equals(current)).findFirst().orElseThrow();
            fake.editOrder(id, edit -> edit.status(next));
            edited.put(Integer.toString(id), fake.order(id).get("total").asText());
        }
        return edited;
    }

    private static String price(JsonNode record) {
        return record.path("price").asText("");
    }

    @Override
    public void close() {
        fake.close();
    }
}
