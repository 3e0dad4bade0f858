package io.tributary.testkit.woocommerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes plausible products and variations from a random source. It sets everything but the
 * times; the caller places records in time and adds them to the catalogue.
 */
final class WooProductFactory {

    private final WooSlugs slugs = new WooSlugs();
    private int serial;

    /** A product with a fresh id; for a variable one, its variations come from {@link #variations}. */
    WooProduct product(Random rnd, int id, boolean variable) {
        WooSeedWords.Line line = WooSeedWords.LINES.get(rnd.nextInt(WooSeedWords.LINES.size()));
        String name = WooSeedWords.QUALIFIERS.get(rnd.nextInt(WooSeedWords.QUALIFIERS.size()))
                + line.names().get(rnd.nextInt(line.names().size()));
        int percent = rnd.nextInt(100);
        String status = percent < 88 ? "publish" : percent < 95 ? "draft" : percent < 98 ? "private" : "pending";
        WooProduct product = new WooProduct(id, status);
        product.name = name;
        product.slug = slugs.unique(name);
        product.type = variable ? "variable" : "simple";
        product.category = line.category();
        serial++;
        product.sku = rnd.nextInt(30) == 0 ? "" : line.skuPrefix() + "-" + pad(serial);
        product.description = "<p>" + name + " – sélection de la maison.</p>";
        product.totalSales = rnd.nextInt(500);
        product.weight = "0." + (1 + rnd.nextInt(9));
        product.featured = rnd.nextInt(20) == 0;
        if (variable) {
            product.attributeName = line.attribute();
        } else {
            product.regularPrice = price(rnd, 100, 19_999);
            product.salePrice = maybeSale(rnd, product.regularPrice);
            stock(rnd, product);
        }
        return product;
    }

    /** Variations for the first {@code count} options of the product line, with the given ids. */
    List<WooVariation> variations(Random rnd, WooProduct parent, int count, List<Integer> ids) {
        WooSeedWords.Line line = lineOf(parent);
        BigDecimal base = price(rnd, 300, 8_000);
        BigDecimal step = price(rnd, 50, 1_500);
        List<WooVariation> variations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WooVariation variation = new WooVariation(ids.get(i), parent.id, rnd.nextInt(25) == 0 ? "private" : "publish");
            String option = line.options().get(i % line.options().size());
            variation.option = option;
            variation.menuOrder = i;
            variation.sku = parent.sku.isEmpty() || rnd.nextInt(12) == 0 ? "" : parent.sku + "-" + (i + 1);
            variation.regularPrice = base.add(step.multiply(BigDecimal.valueOf(i)));
            variation.salePrice = maybeSale(rnd, variation.regularPrice);
            variation.weight = parent.weight;
            variation.manageStock = rnd.nextInt(4) != 0;
            if (variation.manageStock) {
                variation.stockQuantity = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(120);
                variation.stockStatus = variation.stockQuantity > 0 ? "instock" : "outofstock";
            }
            parent.attributeOptions.add(option);
            parent.variationIds.add(variation.id);
            variations.add(variation);
        }
        return variations;
    }

    private static WooSeedWords.Line lineOf(WooProduct product) {
        for (WooSeedWords.Line line : WooSeedWords.LINES) {
            if (line.category().equals(product.category)) {
                return line;
            }
        }
        return WooSeedWords.LINES.get(0);
    }

    private static void stock(Random rnd, WooProduct product) {
        product.manageStock = rnd.nextInt(5) != 0;
        if (product.manageStock) {
            product.stockQuantity = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(200);
            product.stockStatus = product.stockQuantity > 0 ? "instock" : rnd.nextInt(3) == 0 ? "onbackorder" : "outofstock";
        } else {
            product.stockStatus = rnd.nextInt(15) == 0 ? "outofstock" : "instock";
        }
    }

    static BigDecimal price(Random rnd, int minCents, int maxCents) {
        return BigDecimal.valueOf(minCents + rnd.nextInt(maxCents - minCents + 1), 2);
    }

    /** About one in seven is on sale at 70–95 % of the regular price. */
    private static BigDecimal maybeSale(Random rnd, BigDecimal regular) {
        if (rnd.nextInt(7) != 0) {
            return null;
        }
        BigDecimal sale = regular.multiply(BigDecimal.valueOf(70 + rnd.nextInt(26), 2)).setScale(2, RoundingMode.HALF_UP);
        return sale.compareTo(regular) < 0 && sale.signum() > 0 ? sale : null;
    }

    private static String pad(int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }
}
