package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.SeedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What tests do to the shop between or during syncs. Every edit saves the record like WordPress:
 * its {@code date_modified} becomes the shop clock's now (never before the previous edit). Saving a
 * variation also saves its parent (WC_Product_Variable::sync() saves the parent, and a product
 * save always writes {@code post_modified}), so both get the same time.
 */
final class WooMutations {

    private final WooCatalogue catalogue;
    private final WooProductFactory products;
    private final WooOrderFactory orders;
    private final long seed;

    WooMutations(WooCatalogue catalogue, WooProductFactory products, WooOrderFactory orders, long seed) {
        this.catalogue = catalogue;
        this.products = products;
        this.orders = orders;
        this.seed = seed;
    }

    void editProduct(int id, Consumer<ProductEdit> edit, boolean touch) {
        requireNonNull(edit, "edit is null");
        catalogue.write(() -> {
            WooProduct product = product(id);
            edit.accept(new ProductEdit(product));
            catalogue.syncVariable(product);
            if (touch) {
                catalogue.touch(product, catalogue.stamp());
            }
            return null;
        });
    }

    /** Edits a variation and moves its own modification time only, its product's left as it was. */
    void editVariationAlone(int productId, int variationId, Consumer<VariationEdit> edit) {
        editVariation(productId, variationId, edit, false);
        catalogue.write(() -> {
            catalogue.touch(catalogue.variations().get(variationId), catalogue.stamp());
            return null;
        });
    }

    void editVariation(int productId, int variationId, Consumer<VariationEdit> edit, boolean touch) {
        requireNonNull(edit, "edit is null");
        catalogue.write(() -> {
            WooProduct parent = product(productId);
            WooVariation variation = catalogue.variations().get(variationId);
            if (variation == null || variation.parentId != productId) {
                throw new IllegalArgumentException("product " + productId + " has no variation " + variationId);
            }
            edit.accept(new VariationEdit(variation));
            catalogue.syncVariable(parent);
            if (touch) {
                long stamp = catalogue.stamp();
                catalogue.touch(variation, stamp);
                catalogue.touch(parent, stamp);
            }
            return null;
        });
    }

    void editOrder(int id, Consumer<OrderEdit> edit) {
        requireNonNull(edit, "edit is null");
        catalogue.write(() -> {
            WooOrder order = catalogue.orders().get(id);
            if (order == null) {
                throw new IllegalArgumentException("no order " + id);
            }
            edit.accept(new OrderEdit(order, this::lineItems));
            WooTotals.recompute(order);
            long stamp = catalogue.stamp();
            statusDates(order, stamp);
            catalogue.touch(order, stamp);
            return null;
        });
    }

    int addSimpleProduct(Consumer<ProductEdit> init) {
        return catalogue.write(() -> {
            int id = catalogue.allocatePostId();
            WooProduct product = products.product(random(id), id, false);
            product.status = "publish";
            product.salePrice = null;
            long stamp = catalogue.stamp();
            product.created(stamp, catalogue.time());
            product.modified(stamp, catalogue.time());
            init.accept(new ProductEdit(product));
            catalogue.products().add(product);
            return id;
        });
    }

    int addVariableProduct(int variationCount, Consumer<ProductEdit> init) {
        if (variationCount < 1 || variationCount > 4) {
            throw new IllegalArgumentException("a variable product here has 1 to 4 variations: " + variationCount);
        }
        return catalogue.write(() -> {
            int id = catalogue.allocatePostId();
            Random rnd = random(id);
            WooProduct product = products.product(rnd, id, true);
            product.status = "publish";
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < variationCount; i++) {
                ids.add(catalogue.allocatePostId());
            }
            long stamp = catalogue.stamp();
            product.created(stamp, catalogue.time());
            product.modified(stamp, catalogue.time());
            for (WooVariation variation : products.variations(rnd, product, variationCount, ids)) {
                variation.status = "publish";
                variation.created(stamp, catalogue.time());
                variation.modified(stamp, catalogue.time());
                catalogue.variations().add(variation);
            }
            init.accept(new ProductEdit(product));
            catalogue.products().add(product);
            catalogue.syncVariable(product);
            return id;
        });
    }

    int addOrder(List<OrderLine> lines, Consumer<OrderEdit> init) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        return catalogue.write(() -> {
            int id = catalogue.allocatePostId();
            WooOrder order = orders.order(random(id), id, "processing");
            order.lineItems.addAll(lineItems(lines));
            order.shippingLineId = catalogue.allocateItemId();
            order.taxLineId = catalogue.allocateItemId();
            WooOrderFactory.price(order);
            long stamp = catalogue.stamp();
            order.created(stamp, catalogue.time());
            order.modified(stamp, catalogue.time());
            init.accept(new OrderEdit(order, this::lineItems));
            WooTotals.recompute(order);
            statusDates(order, stamp);
            catalogue.orders().add(order);
            return id;
        });
    }

    /** Deletes permanently (force=true): the product and its variations answer 404 afterwards. */
    void deleteProduct(int id) {
        catalogue.write(() -> {
            WooProduct product = product(id);
            for (int variationId : product.variationIds) {
                WooVariation variation = catalogue.variations().get(variationId);
                if (variation != null) {
                    catalogue.variations().remove(variation);
                }
            }
            catalogue.products().remove(product);
            return null;
        });
    }

    private WooProduct product(int id) {
        WooProduct product = catalogue.products().get(id);
        if (product == null) {
            throw new IllegalArgumentException("no product " + id);
        }
        return product;
    }

    /** Lines priced from the catalogue as it is now. Called under the write lock. */
    private List<WooLineItem> lineItems(List<OrderLine> lines) {
        List<WooLineItem> items = new ArrayList<>();
        for (OrderLine line : lines) {
            WooProduct product = product(line.productId());
            if (line.variationId() == 0) {
                if (product.isVariable()) {
                    throw new IllegalArgumentException("product " + product.id + " is variable; name a variation");
                }
                items.add(WooTotals.line(catalogue.allocateItemId(), product.name, product.id, 0, line.quantity(),
                        product.sku, product.activePrice()));
            } else {
                WooVariation variation = catalogue.variations().get(line.variationId());
                if (variation == null || variation.parentId != product.id) {
                    throw new IllegalArgumentException("product " + product.id + " has no variation " + line.variationId());
                }
                items.add(WooTotals.line(catalogue.allocateItemId(), product.name + " - " + variation.option, product.id,
                        variation.id, line.quantity(), variation.sku.isEmpty() ? product.sku : variation.sku,
                        variation.activePrice()));
            }
        }
        return items;
    }

    /** Like WC_Order::status_transition(): paid and completed dates are set once, when first reached. */
    private static void statusDates(WooOrder order, long stamp) {
        if ((order.status.equals("processing") || order.status.equals("completed")) && order.datePaidGmt == null) {
            order.datePaidGmt = stamp;
        }
        if (order.status.equals("completed") && order.dateCompletedGmt == null) {
            order.dateCompletedGmt = stamp;
        }
    }

    private Random random(int id) {
        return SeedWindow.random(seed, 1_000_000L + id);
    }
}
