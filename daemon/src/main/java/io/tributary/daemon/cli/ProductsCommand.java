package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.ProductRenderer;
import io.tributary.record.StoredProduct;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "products", description = "List stored products (variations included), most recently changed first.")
final class ProductsCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only products with exactly this SKU (default: any).")
    String sku;

    @Override
    public Integer call() {
        listing.requireKnownConnection(this);
        List<StoredProduct> products = app().records().products(listing.connection, sku, listing.checkedLimit());
        json.list(out(), products, new ProductRenderer(), products.isEmpty() ? whyEmpty() : "");
        return OK;
    }

    /** What the empty listing means: nothing stored, or a SKU that none of what is stored has. */
    private String whyEmpty() {
        long stored = app().records().count("product", listing.connection);
        if (sku == null || stored == 0) {
            return "No products stored" + listing.forConnection() + ".";
        }
        return "No product " + listing.ofConnection() + "has SKU " + sku + " (" + ListingOptions.count(stored)
                + " products stored).";
    }
}
