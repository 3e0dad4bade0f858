package io.tributary.testkit.magento;

import io.tributary.testkit.SeedWindow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Records a test adds to the fake shop after seeding, as a customer or an admin would; call under the write lock. */
final class MagentoNewRecords {
    private MagentoNewRecords() {
    }

    /** An enabled simple product created now; returns its id. */
    static int addSimpleProduct(MagentoCatalogue catalogue, String name, BigDecimal price) {
        long now = catalogue.stamp();
        MagentoProduct product = MagentoSeeder.product(SeedWindow.random(now, 5), catalogue.allocateProductId(),
                "simple", now);
        product.name = name;
        product.price = price;
        product.specialPrice = null;
        product.status = 1;
        product.updatedAt = now;
        catalogue.products().put(product.id, product);
        return product.id;
    }

    /** A guest order (state new, status pending) created now for one unit of each product; returns its id. */
    static int addOrder(MagentoCatalogue catalogue, List<Integer> productIds) {
        long now = catalogue.stamp();
        MagentoOrder order = new MagentoOrder(catalogue.allocateOrderId());
        order.incrementId = String.format(Locale.ROOT, "1%08d", order.id);
        order.state = "new";
        order.status = "pending";
        order.createdAt = now;
        order.updatedAt = now;
        order.customerFirstname = "Zoë";
        order.customerLastname = "Østergaard";
        order.customerEmail = "zoe.ostergaard@example.org";
        order.guest = true;
        order.place = MagentoSeedWords.PLACES.get(0);
        order.paymentMethod = "checkmo";
        for (MagentoProduct product : productIds.stream().map(catalogue::product).toList()) {
            List<Integer> parents = catalogue.parentsOf(product.id);
            MagentoProduct parent = parents.isEmpty() ? null : catalogue.product(parents.get(0));
            int itemId = catalogue.allocateItemId();
            if (parent != null) {
                catalogue.allocateItemId();
            }
            MagentoSeeder.addLine(order, product, parent, BigDecimal.ONE, false, itemId);
        }
        order.recomputeTotals();
        catalogue.orders().put(order.id, order);
        return order.id;
    }
}
