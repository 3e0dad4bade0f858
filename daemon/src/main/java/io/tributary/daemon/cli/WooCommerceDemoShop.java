package io.tributary.daemon.cli;

import io.tributary.spi.CredentialField;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The demo's sample WooCommerce shop. */
final class WooCommerceDemoShop implements DemoShop {
    private final FakeWooCommerce shop;
    private final int products;
    private final int orders;

    WooCommerceDemoShop(int products, int orders) {
        this.shop = FakeWooCommerce.builder().products(products).orders(orders).seed(2026).start();
        this.products = products;
        this.orders = orders;
    }

    @Override
    public String systemId() {
        return "woocommerce";
    }

    @Override
    public String describe() {
        return "a sample WooCommerce shop at " + shop.siteUrl() + " (" + products + " products, "
                + shop.seedSummary().variations() + " variations, " + orders + " orders)";
    }

    @Override
    public String url() {
        return shop.siteUrl().toString();
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of(CredentialField.ACCESS_TOKEN, shop.consumerKey(), CredentialField.SECRET, shop.consumerSecret());
    }

    @Override
    public String credentialsNote() {
        return "consumer key and secret stored encrypted";
    }

    @Override
    public String children() {
        return "variations";
    }

    @Override
    public String sampleStatus() {
        return "processing";
    }

    @Override
    public String change() {
        shop.clock().advance(Duration.ofHours(1));
        int changed = 0;
        for (int id : shop.productIds()) {
            if (changed == 3) {
                break;
            }
            if ("simple".equals(shop.product(id).path("type").asText())) {
                String price = (changed + 1) + "9.95";
                shop.editProduct(id, edit -> edit.regularPrice(price).salePrice(null));
                changed++;
            }
        }
        List<Integer> orderIds = shop.orderIds();
        for (int id : orderIds.subList(orderIds.size() - 5, orderIds.size())) {
            shop.editOrder(id, edit -> edit.status("completed"));
        }
        int product = shop.productIds().stream().filter(id -> "simple".equals(shop.product(id).path("type").asText()))
                .findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            shop.addOrder(List.of(new OrderLine(product, 0, 2)), edit -> edit.status("processing"));
        }
        return "3 new prices, 5 order statuses, 2 new orders";
    }

    @Override
    public void close() {
        shop.close();
    }
}
