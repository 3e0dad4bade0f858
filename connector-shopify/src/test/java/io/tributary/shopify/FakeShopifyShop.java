package io.tributary.shopify;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.testkit.contract.ContractFaults;
import io.tributary.testkit.contract.ContractShop;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import io.tributary.testkit.shopify.ShopifyVariant;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The testkit's fake Shopify, adapted for the contract test and the sync tests, in one auth mode. */
final class FakeShopifyShop implements ContractShop {
    private final FakeShopify fake;
    private final ShopifyAuthMode mode;
    private int editRound;

    FakeShopifyShop(FakeShopify fake, ShopifyAuthMode mode) {
        this.fake = fake;
        this.mode = mode;
    }

    static FakeShopifyShop start(int products, int orders, ShopifyAuthMode mode) {
        return new FakeShopifyShop(FakeShopify.builder().products(products).orders(orders).start(), mode);
    }

    FakeShopify fake() {
        return fake;
    }

    @Override
    public ContractFaults faults() {
        return new ContractFaults() {
            @Override
            public void slow(Duration delay, int times) {
                fake.faults().slow("*", times, delay);
            }

            @Override
            public void status(int status, Duration retryAfter, int times) {
                if (status == 429) {
                    fake.faults().tooManyRequests("*", times, retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
                } else {
                    fake.faults().status("*", times, status, "{\"errors\":\"Internal Server Error\"}");
                }
            }
        };
    }

    @Override
    public ConnectionSettings settings() {
        return atUrl(fake.shopUrl());
    }

    @Override
    public ConnectionSettings atUrl(URI url) {
        return mode == ShopifyAuthMode.TOKEN ? token(url, fake.token()) : app(url, fake.clientId(), fake.clientSecret());
    }

    @Override
    public ConnectionSettings withBadCredentials() {
        return mode == ShopifyAuthMode.TOKEN ? token(fake.shopUrl(), "shpat_" + "0".repeat(32))
                : app(fake.shopUrl(), fake.clientId(), "shpss_" + "0".repeat(32));
    }

    static ConnectionSettings token(URI url, String token) {
        return new ConnectionSettings(0, "fake shopify", "shopify", url, Map.of(),
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of(token)));
    }

    static ConnectionSettings app(URI url, String clientId, String clientSecret) {
        return new ConnectionSettings(0, "fake shopify", "shopify", url, Map.of(),
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of(clientId), CredentialField.SECRET, Secret.of(clientSecret)));
    }

    @Override
    public Map<String, String> productPrices() {
        Map<String, String> prices = new LinkedHashMap<>();
        for (ShopifyProduct product : fake.products()) {
            prices.put(product.gid(), "");
            for (ShopifyVariant variant : product.variants()) {
                prices.put(variant.gid(), variant.price().toPlainString());
            }
        }
        return prices;
    }

    @Override
    public Map<String, String> orderTotals() {
        Map<String, String> totals = new LinkedHashMap<>();
        fake.orders().forEach(o -> totals.put(o.gid(), o.total().toPlainString()));
        return totals;
    }

    /** New prices for the first variant of {@code count} products with few variants, different in every round. */
    @Override
    public Map<String, String> editProducts(int count) {
        editRound++;
        Map<String, String> edited = new LinkedHashMap<>();
        for (ShopifyProduct product : fake.products()) {
            if (edited.size() == count) {
                break;
            }
            if (product.variants().size() > 3) {
                continue;
            }
            BigDecimal price = new BigDecimal("100.25").add(BigDecimal.valueOf(editRound * 10 + edited.size()));
            ShopifyProduct changed = fake.reprice(product.id(), price);
            edited.put(changed.variants().get(0).gid(), price.toPlainString());
        }
        return edited;
    }

    @Override
    public Map<String, String> editOrders(int count) {
        Map<String, String> edited = new LinkedHashMap<>();
        for (ShopifyOrder order : fake.orders().subList(0, count)) {
            ShopifyOrder changed = fake.restatus(order.id(), order.financialStatus().equals("PAID") ? "REFUNDED" : "PAID",
                    "FULFILLED");
            edited.put(changed.gid(), changed.total().toPlainString());
        }
        return edited;
    }

    @Override
    public void close() {
        fake.close();
    }
}
