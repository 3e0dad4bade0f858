package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.testkit.contract.ContractFaults;
import io.tributary.testkit.contract.ContractShop;
import io.tributary.testkit.magento.FakeMagento;
import io.tributary.testkit.magento.MagentoIntegration;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The testkit's fake Magento, adapted for the connector contract test and the sync tests, in one auth mode. */
final class FakeMagentoShop implements ContractShop {
    private final FakeMagento fake;
    private final MagentoAuthMode mode;
    private int editRound;

    FakeMagentoShop(FakeMagento fake, MagentoAuthMode mode) {
        this.fake = fake;
        this.mode = mode;
        if (mode == MagentoAuthMode.BEARER) {
            fake.bearerIntegrationTokens(true);
        }
    }

    static FakeMagentoShop start(int products, int orders, MagentoAuthMode mode) {
        return new FakeMagentoShop(FakeMagento.builder().products(products).orders(orders).seed(7).start(), mode);
    }

    public FakeMagento fake() {
        return fake;
    }

    @Override
    public ContractFaults faults() {
        return ContractFaults.of(fake);
    }

    @Override
    public ConnectionSettings settings() {
        return atUrl(fake.apiUrl());
    }

    /** The same settings at another server: its REST base, as an admin would paste it for a Magento there. */
    @Override
    public ConnectionSettings atUrl(URI url) {
        URI rest = url.getPath().contains("/rest") ? url : url.resolve("rest/V1");
        return settings(rest, mode, fake.integration(), fake.adminUsername(), fake.adminPassword());
    }

    @Override
    public ConnectionSettings withBadCredentials() {
        MagentoIntegration keys = fake.integration();
        MagentoIntegration wrong = new MagentoIntegration(keys.consumerKey(), "0".repeat(32), "1".repeat(32),
                keys.accessTokenSecret());
        return settings(fake.apiUrl(), mode, mode == MagentoAuthMode.BEARER ? wrong
                : new MagentoIntegration(keys.consumerKey(), "0".repeat(32), keys.accessToken(), keys.accessTokenSecret()),
                fake.adminUsername(), "wrong-password");
    }

    /** Settings for a mode: the integration's four values, its token alone, or the admin user and password. */
    static ConnectionSettings settings(URI url, MagentoAuthMode mode, MagentoIntegration keys, String user,
            String password) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        switch (mode) {
            case ADMIN -> {
                secrets.put(CredentialField.ACCESS_TOKEN, Secret.of(user));
                secrets.put(CredentialField.SECRET, Secret.of(password));
            }
            case INTEGRATION -> {
                secrets.put(CredentialField.ACCESS_TOKEN, Secret.of(keys.accessToken()));
                secrets.put(CredentialField.SECRET, Secret.of(keys.accessTokenSecret()));
                secrets.put(MagentoCredentials.CONSUMER_KEY, Secret.of(keys.consumerKey()));
                secrets.put(MagentoCredentials.CONSUMER_SECRET, Secret.of(keys.consumerSecret()));
            }
            case BEARER -> {
                secrets.put(CredentialField.ACCESS_TOKEN, Secret.of(keys.accessToken()));
                options.put(MagentoAuthMode.FIELD, "bearer");
            }
        }
        return new ConnectionSettings(0, "fake magento", "magento", url, options, secrets);
    }

    @Override
    public Map<String, String> productPrices() {
        Map<String, String> prices = new LinkedHashMap<>();
        for (int id : fake.productIds()) {
            JsonNode product = fake.product(id);
            // a configurable parent has no price of its own: stored with none
            prices.put(Integer.toString(id), "configurable".equals(product.path("type_id").asText()) ? ""
                    : amount(product, "price"));
        }
        return prices;
    }

    @Override
    public Map<String, String> orderTotals() {
        Map<String, String> totals = new LinkedHashMap<>();
        for (int id : fake.orderIds()) {
            totals.put(Integer.toString(id), amount(fake.order(id), "grand_total"));
        }
        return totals;
    }

    /** Gives {@code count} visible simple products a new price, different in every round of edits. */
    @Override
    public Map<String, String> editProducts(int count) {
        editRound++;
        Map<String, String> edited = new LinkedHashMap<>();
        for (int id : fake.productIds()) {
            if (edited.size() == count) {
                break;
            }
            JsonNode product = fake.product(id);
            if (!"simple".equals(product.get("type_id").asText()) || product.get("visibility").asInt() != 4) {
                continue;
            }
            String price = new BigDecimal("100.0125").add(BigDecimal.valueOf(editRound * 10 + edited.size())).toPlainString();
            fake.editProduct(id, edit -> edit.price(price));
            edited.put(Integer.toString(id), amount(fake.product(id), "price"));
        }
        return edited;
    }

    @Override
    public Map<String, String> editOrders(int count) {
        Map<String, String> edited = new LinkedHashMap<>();
        for (int id : fake.orderIds().subList(0, count)) {
            String current = fake.order(id).get("status").asText();
            String next = List.of("complete", "holded", "processing").stream().filter(s -> !s.equals(current))
                    .findFirst().orElseThrow();
            fake.editOrder(id, edit -> edit.status(next, next));
            edited.put(Integer.toString(id), amount(fake.order(id), "grand_total"));
        }
        return edited;
    }

    static String amount(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? "" : value.decimalValue().toPlainString();
    }

    @Override
    public void close() {
        fake.close();
    }
}
