package io.tributary.daemon.cli;

import io.tributary.spi.CredentialField;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.shopify.ShopifyProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The demo's sample Shopify shop: an admin-created app's access token; the first sync runs a bulk operation. */
final class ShopifyDemoShop implements DemoShop {
    private final FakeShopify shop;
    private final int products;
    private final int orders;

    ShopifyDemoShop(int products, int orders) {
        this.shop = FakeShopify.builder().products(products).orders(orders).seed(2026).start();
        this.products = products;
        this.orders = orders;
    }

    @Override
    public String systemId() {
        return "shopify";
    }

    @Override
    public String describe() {
        int variants = shop.products().stream().mapToInt(p -> p.variants().size()).sum();
        return "a sample Shopify shop at " + shop.shopUrl() + " (" + products + " products, " + variants + " variants, "
                + orders + " orders)";
    }

    @Override
    public String url() {
        return shop.shopUrl().toString();
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of(CredentialField.ACCESS_TOKEN, shop.token());
    }

    @Override
    public String credentialsNote() {
        return "Admin API access token stored encrypted";
    }

    @Override
    public String children() {
        return "variants";
    }

    @Override
    public String sampleStatus() {
        return "paid";
    }

    @Override
    public String change() {
        shop.clock().advance(Duration.ofHours(1));
        List<ShopifyProduct> all = shop.products();
        for (int i = 0; i < Math.min(3, all.size()); i++) {
            shop.reprice(all.get(i).id(), new BigDecimal((i + 1) + "9.95"));
        }
        List<ShopifyOrder> orderList = shop.orders();
        for (ShopifyOrder order : orderList.subList(Math.max(0, orderList.size() - 5), orderList.size())) {
            shop.restatus(order.id(), "REFUNDED", "FULFILLED");
        }
        return "3 new prices, 5 order statuses";
    }

    @Override
    public void close() {
        shop.close();
    }
}
