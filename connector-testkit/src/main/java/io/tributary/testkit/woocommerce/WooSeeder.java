package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.SeedWindow.DAY;
import static io.tributary.testkit.SeedWindow.END;
import static io.tributary.testkit.SeedWindow.START;
import static io.tributary.testkit.SeedWindow.random;

import io.tributary.testkit.SeedWindow;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills a catalogue with a shop that is the same for the same seed. Records are created between
 * 2024-01-01 and 2025-06-30 (UTC), spread evenly with jitter; ids grow with creation time, with
 * gaps as in WordPress. Then some records are "bulk edited": they get one shared
 * {@code date_modified} second (one group of 150 when there are at least 300 records, and small
 * groups of 2–12), and four are placed in the hour that repeats when daylight saving time ends,
 * where site-local order and GMT order disagree.
 */
final class WooSeeder {


    private final long seed;
    private final WooCatalogue catalogue;
    private final WooTime time;
    private final WooProductFactory productFactory;
    private final WooOrderFactory orderFactory;
    private int postId = 10;
    private int itemId = 1;

    WooSeeder(long seed, WooCatalogue catalogue, WooProductFactory productFactory, WooOrderFactory orderFactory) {
        this.seed = seed;
        this.catalogue = catalogue;
        this.time = catalogue.time();
        this.productFactory = productFactory;
        this.orderFactory = orderFactory;
    }

    void seed(int productCount, int orderCount) {
        catalogue.write(() -> {
            List<WooProduct> products = seedProducts(random(seed, 1), productCount);
            seedOrders(random(seed, 2), orderCount, products);
            catalogue.products().finishBulkLoad();
            catalogue.variations().finishBulkLoad();
            catalogue.orders().finishBulkLoad();
            products.forEach(catalogue::syncVariable);
            catalogue.counters(postId + 1 + random(seed, 3).nextInt(5), itemId);
            return null;
        });
    }

    private List<WooProduct> seedProducts(Random rnd, int count) {
        List<WooProduct> products = new ArrayList<>(count);
        List<WooVariation> variations = new ArrayList<>();
        double step = (double) (END - 90 * DAY - START) / Math.max(1, count);
        long previous = START - 1;
        for (int i = 0; i < count; i++) {
            long created = Math.max(previous + 1, START + (long) ((i + rnd.nextDouble() * 0.9) * step));
            previous = created;
            skipIds(rnd);
            WooProduct product = productFactory.product(rnd, postId++, rnd.nextInt(5) == 0);
            product.created(created, time);
            long modified = rnd.nextInt(100) < 35 ? created : created + 1 + (long) (rnd.nextDouble() * Math.min(90 * DAY, END - created - 1));
            product.modified(modified, time);
            if (product.isVariable()) {
                int k = 2 + rnd.nextInt(3);
                List<Integer> ids = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    ids.add(postId++);
                }
                List<WooVariation> made = productFactory.variations(rnd, product, k, ids);
                for (int j = 0; j < made.size(); j++) {
                    WooVariation variation = made.get(j);
                    variation.created(created + 1 + j, time);
                    variation.modified(Math.max(created + 1 + j, modified), time);
                }
                variations.addAll(made);
            }
            products.add(product);
        }
        bulkEdits(rnd, products);
        products.forEach(catalogue.products()::bulkAdd);
        variations.forEach(catalogue.variations()::bulkAdd);
        return products;
    }

    private void seedOrders(Random rnd, int count, List<WooProduct> products) {
        List<int[]> sellable = sellable(products);
        Map<Integer, WooProduct> byId = new HashMap<>();
        products.forEach(product -> byId.put(product.id, product));
        List<WooOrder> orders = new ArrayList<>(count);
        double step = (double) (END - 7 * DAY - START) / Math.max(1, count);
        long previous = START - 1;
        for (int i = 0; i < count; i++) {
            long created = Math.max(previous + 1, START + (long) ((i + rnd.nextDouble() * 0.9) * step));
            previous = created;
            skipIds(rnd);
            String status = WooSeedWords.ORDER_STATUSES.get(rnd.nextInt(WooSeedWords.ORDER_STATUSES.size()));
            WooOrder order = orderFactory.order(rnd, postId++, status);
            addLines(rnd, order, sellable, byId);
            order.shippingLineId = itemId++;
            order.taxLineId = itemId++;
            WooOrderFactory.price(order);
            if (status.equals("refunded")) {
                // a refunded order was refunded in full: its amounts stay, its refunds say so
                order.refunds.add(new WooOrder.Refund(order.id * 100 + 1, "", order.total));
            }
            times(rnd, order, created);
            orders.add(order);
        }
        bulkEdits(rnd, orders);
        orders.forEach(catalogue.orders()::bulkAdd);
    }

    private void times(Random rnd, WooOrder order, long created) {
        order.created(created, time);
        boolean paid = order.status.equals("processing") || order.status.equals("completed")
                || order.status.equals("refunded");
        order.datePaidGmt = paid ? created + 30 + rnd.nextInt(600) : null;
        order.dateCompletedGmt = order.status.equals("completed") ? order.datePaidGmt + DAY + rnd.nextInt((int) (4 * DAY)) : null;
        if (paid) {
            order.transactionId = WooOrderFactory.transactionId(rnd, order.paymentMethod);
        }
        long base = Math.max(created, Math.max(order.datePaidGmt == null ? 0 : order.datePaidGmt,
                order.dateCompletedGmt == null ? 0 : order.dateCompletedGmt));
        long later = switch (order.status) {
            case "refunded", "cancelled", "failed" -> DAY + rnd.nextInt((int) (10 * DAY));
            default -> rnd.nextBoolean() ? 0 : rnd.nextInt((int) (3 * DAY));
        };
        order.modified(Math.min(END, base + later), time);
    }

    private void addLines(Random rnd, WooOrder order, List<int[]> sellable, Map<Integer, WooProduct> products) {
        int lines = 1 + rnd.nextInt(4);
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < lines; i++) {
            int quantity = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 5 : 2);
            if (sellable.isEmpty()) {
                order.lineItems.add(WooTotals.line(itemId++, "Produit supprimé", 0, 0, quantity, "",
                        WooProductFactory.price(rnd, 100, 5_000)));
                continue;
            }
            int[] pick = sellable.get(rnd.nextInt(sellable.size()));
            if (!chosen.add(((long) pick[0] << 32) | pick[1])) {
                continue;
            }
            WooProduct product = products.get(pick[0]);
            if (pick[1] == 0) {
                order.lineItems.add(WooTotals.line(itemId++, product.name, product.id, 0, quantity, product.sku,
                        product.activePrice()));
            } else {
                WooVariation variation = catalogueVariation(pick[1]);
                order.lineItems.add(WooTotals.line(itemId++, product.name + " - " + variation.option, product.id,
                        variation.id, quantity, variation.sku.isEmpty() ? product.sku : variation.sku,
                        variation.activePrice()));
            }
        }
    }

    private WooVariation catalogueVariation(int id) {
        return catalogue.variations().get(id);
    }

    /** Published simple products and published variations of published variable products. */
    private List<int[]> sellable(List<WooProduct> products) {
        List<int[]> sellable = new ArrayList<>();
        for (WooProduct product : products) {
            if (!"publish".equals(product.status)) {
                continue;
            }
            if (!product.isVariable()) {
                sellable.add(new int[] {product.id, 0});
                continue;
            }
            for (int variationId : product.variationIds) {
                WooVariation variation = catalogue.variations().get(variationId);
                if ("publish".equals(variation.status)) {
                    sellable.add(new int[] {product.id, variationId});
                }
            }
        }
        return sellable;
    }

    private void skipIds(Random rnd) {
        if (rnd.nextInt(10) == 0) {
            postId += 1 + rnd.nextInt(3);
        }
    }

    /** Gives groups of records one shared modification second, and puts four in the repeated DST hour. */
    private <T extends WooPost> void bulkEdits(Random rnd, List<T> records) {
        int count = records.size();
        Set<Integer> grouped = SeedWindow.massUpdates(rnd, records, post -> post.createdGmt, this::stamp);
        ZoneOffsetTransition overlap = firstOverlap();
        if (overlap != null && count >= 20) {
            long at = overlap.getInstant().getEpochSecond();
            long[] times = {at - 2400, at - 600, at + 600, at + 2400};
            for (long t : times) {
                SeedWindow.group(rnd, records, 1, t, grouped, post -> post.createdGmt, this::stamp);
            }
        }
    }

    /** A bulk edit at {@code when}, which cannot come before the order was paid or completed. */
    private void stamp(WooPost post, long when) {
        post.modified(Math.max(when, latestFixedTime(post)), time);
    }

    /** An edit cannot come before the order was paid or completed. */
    private static long latestFixedTime(WooPost post) {
        if (post instanceof WooOrder order) {
            return Math.max(order.datePaidGmt == null ? 0 : order.datePaidGmt,
                    order.dateCompletedGmt == null ? 0 : order.dateCompletedGmt);
        }
        return 0;
    }

    private ZoneOffsetTransition firstOverlap() {
        ZoneOffsetTransition transition = time.zone().getRules().nextTransition(Instant.ofEpochSecond(START));
        while (transition != null && transition.getInstant().getEpochSecond() < END) {
            if (transition.isOverlap()) {
                return transition;
            }
            transition = time.zone().getRules().nextTransition(transition.getInstant());
        }
        return null;
    }
}
