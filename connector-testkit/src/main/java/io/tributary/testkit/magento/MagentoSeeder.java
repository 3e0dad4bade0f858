package io.tributary.testkit.magento;

import static io.tributary.testkit.SeedWindow.DAY;
import static io.tributary.testkit.SeedWindow.END;
import static io.tributary.testkit.SeedWindow.START;
import static io.tributary.testkit.SeedWindow.massUpdates;
import static io.tributary.testkit.SeedWindow.random;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills a catalogue with a shop that is the same for the same seed. Records are created between 2024-01-01
 * and 2025-06-30 (UTC) with ascending entity ids and a few gaps. About a fifth of the products are
 * configurable, each followed by 2–4 simple children (visibility 1); some are virtual or bundles. Then some
 * records are "mass updated": one group of 150 shares one {@code updated_at} second when there are at least
 * 300 records (more than a page of 100), and several small groups of 2–12 do.
 */
final class MagentoSeeder {

    private static final BigDecimal TAX_RATE = new BigDecimal("20");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final long seed;
    private final MagentoCatalogue catalogue;
    private int productId = 1;
    private int orderId = 1;
    private int itemId = 1;

    MagentoSeeder(long seed, MagentoCatalogue catalogue) {
        this.seed = seed;
        this.catalogue = catalogue;
    }

    void seed(int productCount, int orderCount) {
        catalogue.run(() -> {
            List<MagentoProduct> products = seedProducts(random(seed, 1), productCount);
            seedOrders(random(seed, 2), orderCount, products);
            catalogue.sequences(productId + 1, orderId, itemId);
        });
    }

    private List<MagentoProduct> seedProducts(Random rnd, int count) {
        List<MagentoProduct> all = new ArrayList<>();
        double step = (double) (END - 90 * DAY - START) / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            long created = START + (long) ((i + rnd.nextDouble() * 0.9) * step);
            if (rnd.nextInt(12) == 0) {
                productId += 1 + rnd.nextInt(3); // deleted products leave gaps
            }
            int kind = rnd.nextInt(100);
            String type = kind < 60 ? "simple" : kind < 80 ? "configurable" : kind < 92 ? "virtual" : "bundle";
            MagentoProduct product = product(rnd, productId++, type, created);
            all.add(product);
            if (product.isConfigurable()) {
                all.addAll(children(rnd, product));
            }
        }
        massUpdates(rnd, all, p -> p.createdAt, (p, when) -> p.updatedAt = when);
        all.forEach(p -> catalogue.products().put(p.id, p));
        return all;
    }

    static MagentoProduct product(Random rnd, int id, String type, long created) {
        MagentoSeedWords.Line line = MagentoSeedWords.LINES.get(rnd.nextInt(MagentoSeedWords.LINES.size()));
        String base = line.names().get(rnd.nextInt(line.names().size()));
        String qualifier = MagentoSeedWords.QUALIFIERS.get(rnd.nextInt(MagentoSeedWords.QUALIFIERS.size()));
        MagentoProduct product = new MagentoProduct(id, type);
        product.name = qualifier + base + (rnd.nextInt(3) == 0 ? " " + (1 + rnd.nextInt(9)) * 50 + " g" : "");
        product.sku = line.skuPrefix() + "-" + String.format(Locale.ROOT, "%05d", id);
        if (rnd.nextInt(25) == 0) {
            product.sku = product.sku + "/" + "XL ÉTÉ"; // SKUs may hold slashes, spaces and accents
        }
        product.status = rnd.nextInt(12) == 0 ? 2 : 1;
        product.attributeSetId = type.equals("configurable") ? 9 : 4;
        product.price = type.equals("configurable") ? BigDecimal.ZERO : price(rnd);
        product.weight = type.equals("virtual") ? null : new BigDecimal(1 + rnd.nextInt(2000)).movePointLeft(3);
        if (type.equals("simple") && rnd.nextInt(10) == 0) {
            product.specialPrice = product.price.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
        }
        product.urlKey = slug(product.name) + "-" + id;
        product.description = "<p>" + base + " – sélection de la maison, « qualité » garantie.</p>";
        product.categoryIds.add(line.categoryId());
        if (rnd.nextInt(5) == 0) {
            product.websiteIds.add(2);
        }
        if (product.isConfigurable()) {
            product.optionAttribute = line.attribute();
        }
        product.createdAt = created;
        product.updatedAt = rnd.nextInt(100) < 35 ? created
                : created + 1 + (long) (rnd.nextDouble() * Math.min(90 * DAY, END - created - 1));
        return product;
    }

    private List<MagentoProduct> children(Random rnd, MagentoProduct parent) {
        MagentoSeedWords.Line line = MagentoSeedWords.LINES.stream()
                .filter(l -> l.attribute().equals(parent.optionAttribute)).findFirst().orElseThrow();
        int count = 2 + rnd.nextInt(3);
        BigDecimal base = price(rnd);
        List<MagentoProduct> children = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            String option = line.options().get(j);
            MagentoProduct child = new MagentoProduct(productId++, "simple");
            child.name = parent.name + "-" + option;
            child.sku = parent.sku + "-" + slug(option).toUpperCase(Locale.ROOT);
            child.visibility = 1;
            child.status = parent.status;
            child.price = base.add(new BigDecimal(j * 2));
            child.weight = new BigDecimal(1 + rnd.nextInt(2000)).movePointLeft(3);
            child.urlKey = slug(child.name) + "-" + child.id;
            child.categoryIds.addAll(parent.categoryIds);
            child.optionAttribute = parent.optionAttribute;
            child.optionValue = option;
            child.optionValueId = 100 + j;
            child.createdAt = parent.createdAt + 1 + j;
            child.updatedAt = Math.max(child.createdAt, parent.updatedAt);
            parent.childIds.add(child.id);
            children.add(child);
        }
        return children;
    }

    /** Mostly two decimals; some with three or four, as Magento's decimal(20,6) allows; a few large ones. */
    static BigDecimal price(Random rnd) {
        int shape = rnd.nextInt(20);
        if (shape == 0) {
            return BigDecimal.valueOf(100_000 + rnd.nextInt(1_900_000), 2);
        }
        if (shape <= 2) {
            return BigDecimal.valueOf(1_000 + rnd.nextInt(999_000), 4).stripTrailingZeros();
        }
        return BigDecimal.valueOf(100 + rnd.nextInt(99_900), 2);
    }

    private void seedOrders(Random rnd, int count, List<MagentoProduct> products) {
        List<MagentoProduct> sellable = products.stream()
                .filter(p -> p.status == 1 && (p.typeId.equals("simple") || p.typeId.equals("virtual"))).toList();
        Map<Integer, MagentoProduct> parents = parentsByChild(products);
        List<MagentoOrder> orders = new ArrayList<>();
        double step = (double) (END - 7 * DAY - START) / Math.max(1, count);
        int[] perStore = {0, 0, 0};
        for (int i = 0; i < count; i++) {
            long created = START + (long) ((i + rnd.nextDouble() * 0.9) * step);
            MagentoOrder order = new MagentoOrder(orderId++);
            order.storeId = rnd.nextInt(6) == 0 ? 2 : 1;
            int number = ++perStore[order.storeId];
            order.incrementId = order.storeId == 1 ? String.format(Locale.ROOT, "%09d", number)
                    : "2" + String.format(Locale.ROOT, "%08d", number);
            String[] state = MagentoSeedWords.STATES.get(rnd.nextInt(MagentoSeedWords.STATES.size()));
            order.state = state[0];
            order.status = state[1];
            customer(rnd, order);
            lines(rnd, order, sellable, parents);
            order.createdAt = created;
            order.updatedAt = rnd.nextBoolean() ? created : Math.min(END, created + 60 + rnd.nextInt((int) (5 * DAY)));
            orders.add(order);
        }
        massUpdates(rnd, orders, o -> o.createdAt, (o, when) -> o.updatedAt = when);
        orders.forEach(o -> catalogue.orders().put(o.id, o));
    }

    private static void customer(Random rnd, MagentoOrder order) {
        String[] first = MagentoSeedWords.FIRST_NAMES.get(rnd.nextInt(MagentoSeedWords.FIRST_NAMES.size()));
        String[] last = MagentoSeedWords.LAST_NAMES.get(rnd.nextInt(MagentoSeedWords.LAST_NAMES.size()));
        order.customerFirstname = first[0];
        order.customerLastname = last[0];
        order.customerEmail = first[1] + "." + last[1] + (rnd.nextInt(50)) + "@example.org";
        order.guest = rnd.nextInt(10) < 3;
        order.customerId = order.guest ? null : 1 + rnd.nextInt(500);
        order.place = MagentoSeedWords.PLACES.get(rnd.nextInt(MagentoSeedWords.PLACES.size()));
        order.paymentMethod = MagentoSeedWords.PAYMENT_METHODS.get(rnd.nextInt(MagentoSeedWords.PAYMENT_METHODS.size()));
    }

    private void lines(Random rnd, MagentoOrder order, List<MagentoProduct> sellable,
            Map<Integer, MagentoProduct> parents) {
        int count = 1 + rnd.nextInt(4);
        Set<Integer> chosen = new HashSet<>();
        boolean physical = false;
        boolean discounted = rnd.nextInt(7) == 0;
        for (int i = 0; i < count && !sellable.isEmpty(); i++) {
            MagentoProduct product = sellable.get(rnd.nextInt(sellable.size()));
            if (!chosen.add(product.id)) {
                continue;
            }
            physical |= product.weight != null;
            BigDecimal qty = new BigDecimal(1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 5 : 2));
            MagentoProduct parent = product.visibility == 1 ? parents.get(product.id) : null;
            addLine(order, product, parent, qty, discounted, itemId);
            itemId += parent == null ? 1 : 2;
        }
        order.shippingMethod = physical ? "flatrate_flatrate" : null;
        order.shippingAmount = physical ? List.of(BigDecimal.ZERO, new BigDecimal("4.9"), new BigDecimal("7.5"),
                new BigDecimal("12.35")).get(rnd.nextInt(4)) : BigDecimal.ZERO;
        order.recomputeTotals();
    }

    /**
     * Each child's configurable, the first in catalogue order that lists it; built once, as looking it up per order
     * line made seeding 100,000 orders over 100,000 products take minutes.
     */
    private static Map<Integer, MagentoProduct> parentsByChild(List<MagentoProduct> products) {
        Map<Integer, MagentoProduct> parents = new HashMap<>();
        for (MagentoProduct candidate : products) {
            for (int child : candidate.childIds) {
                parents.putIfAbsent(child, candidate);
            }
        }
        return parents;
    }

    /** Adds one line — two rows when {@code parent} is the configurable the child was bought through. */
    static void addLine(MagentoOrder order, MagentoProduct product, MagentoProduct parent, BigDecimal qty,
            boolean discounted, int firstItemId) {
        BigDecimal price = product.finalPrice();
        BigDecimal rowTotal = price.multiply(qty);
        BigDecimal tax = rowTotal.multiply(TAX_RATE).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal discount = discounted ? rowTotal.multiply(new BigDecimal("0.1")).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
        if (parent == null) {
            order.items.add(new MagentoOrderItem(firstItemId, null, product.id, product.typeId, product.sku,
                    product.name, qty, price, rowTotal, TAX_RATE, tax, discount));
        } else {
            order.items.add(new MagentoOrderItem(firstItemId, null, parent.id, "configurable", product.sku,
                    parent.name, qty, price, rowTotal, TAX_RATE, tax, discount));
            order.items.add(new MagentoOrderItem(firstItemId + 1, firstItemId, product.id, "simple", product.sku,
                    product.name, qty, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO));
        }
        order.discountAmount = order.discountAmount.subtract(discount);
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "item" : slug;
    }
}
