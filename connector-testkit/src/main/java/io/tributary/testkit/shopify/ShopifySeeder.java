package io.tributary.testkit.shopify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a catalogue deterministically from a seed: products with 1 to 4 variants (and, in a catalogue of 20 or
 * more, one product with {@value #LARGE} variants, more than a nested page holds), names with accents, prices with
 * cents, three records per second of update time (ties), and orders over the last 120 days with 1 to 3 lines
 * (one order with {@value #LARGE} lines), shipping, 20 % tax on some and a discount on others.
 */
final class ShopifySeeder {
    static final int LARGE = 60;
    static final long FIRST_PRODUCT = 7_000_000_001L;
    static final long FIRST_VARIANT = 40_000_000_001L;
    static final long FIRST_ORDER = 5_000_000_001L;
    static final long FIRST_LINE = 13_000_000_001L;
    private static final String[] WORDS = {"Café", "Tröja", "Mug", "Señal", "Øl glass", "Crème", "Ćup", "Noël",
        "Teekanne", "Łódź print", "Blue", "Größe"};

    private final Random random;
    private final Instant now;
    private long nextVariant = FIRST_VARIANT;
    private long nextLine = FIRST_LINE;

    ShopifySeeder(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    void seed(ShopifyCatalogue catalogue, int products, int orders, String currency) {
        List<ShopifyVariant> all = new ArrayList<>();
        Instant base = now.minus(Duration.ofDays(30));
        for (int i = 0; i < products; i++) {
            ShopifyProduct product = product(i, base.plusSeconds(i / 3), products >= 20 && i == 7 ? LARGE : 1 + i % 4);
            catalogue.put(product);
            all.addAll(product.variants());
        }
        Instant ordersBase = now.minus(Duration.ofDays(120));
        for (int i = 0; i < orders && !all.isEmpty(); i++) {
            Instant created = ordersBase.plus(Duration.ofMinutes(119L * 24 * 60 * i / orders));
            Instant updated = now.minus(Duration.ofHours(2)).plusSeconds(i / 3);
            catalogue.put(order(i, created, updated, orders >= 20 && i == 5 ? LARGE : 1 + i % 3, all, currency));
        }
    }

    private ShopifyProduct product(int i, Instant updated, int variantCount) {
        long id = FIRST_PRODUCT + i;
        String title = WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length] + " Nº" + i;
        List<ShopifyVariant> variants = new ArrayList<>();
        for (int v = 0; v < variantCount; v++) {
            BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(9000), 2);
            BigDecimal compareAt = v % 3 == 0 ? price.add(new BigDecimal("5.00")) : null;
            variants.add(new ShopifyVariant(nextVariant++, id, variantCount == 1 ? "Default Title" : "Size " + (v + 1),
                    "SKU-" + i + "-" + v, price, compareAt, random.nextInt(40), updated.minus(Duration.ofDays(3)),
                    updated));
        }
        String status = i % 10 == 9 ? "DRAFT" : "ACTIVE";
        return new ShopifyProduct(id, title, "product-" + i, status, "Tributary Test Co.", i % 2 == 0 ? "Kitchen" : "Apparel",
                updated.minus(Duration.ofDays(3)), updated, variants);
    }

    private ShopifyOrder order(int i, Instant created, Instant updated, int lineCount, List<ShopifyVariant> variants,
            String currency) {
        List<ShopifyLineItem> lines = new ArrayList<>();
        for (int l = 0; l < lineCount; l++) {
            ShopifyVariant variant = variants.get(random.nextInt(variants.size()));
            lines.add(new ShopifyLineItem(nextLine++, variant.productId(), variant.id(), variant.sku(),
                    "Item " + variant.sku(), 1 + random.nextInt(3), variant.price()));
        }
        BigDecimal subtotal = lines.stream().map(ShopifyLineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = i % 2 == 0 ? subtotal.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_EVEN)
                : new BigDecimal("0.00");
        BigDecimal discount = i % 5 == 0 ? new BigDecimal("3.50") : new BigDecimal("0.00");
        String financial = List.of("PAID", "PENDING", "PAID", "REFUNDED").get(i % 4);
        String fulfillment = i % 3 == 0 ? "FULFILLED" : "UNFULFILLED";
        return new ShopifyOrder(FIRST_ORDER + i, "#" + (1001 + i), "buyer" + i + "@example.org", currency, financial,
                fulfillment, created, updated, i % 11 == 10 ? updated : null, new BigDecimal("4.90"), tax, discount,
                lines);
    }
}
