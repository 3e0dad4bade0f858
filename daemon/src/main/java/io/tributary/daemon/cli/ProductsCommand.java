package io.tributary.daemon.cli;

import io.tributary.record.StoredProduct;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "products", description = "List stored products (variations included), most recently changed first.")
final class ProductsCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Option(names = "--sku")
    String sku;

    @Override
    public Integer call() {
        List<StoredProduct> products = app().records().products(listing.connection, sku, listing.checkedLimit());
        if (listing.json) {
            out().json(products.stream().map(JsonViews::product).toList());
            return OK;
        }
        if (products.isEmpty()) {
            out().note("No products stored"
                    + (listing.connection == null ? "" : " for connection " + listing.connection) + ".");
            return OK;
        }
        print(out(), products);
        return OK;
    }

    static void print(Output out, List<StoredProduct> products) {
        List<List<String>> rows = new ArrayList<>();
        for (StoredProduct p : products) {
            rows.add(java.util.Arrays.asList(Long.toString(p.connectionId()), p.externalId(), p.sku(), p.type(),
                    p.status(), JsonViews.money(p.price()), p.currency(),
                    p.stockQuantity() == null ? null : p.stockQuantity().toString(), JsonViews.time(p.updatedAt()),
                    p.name()));
        }
        out.table(List.of("CONN", "ID", "SKU", "TYPE", "STATUS", "PRICE", "CUR", "STOCK", "UPDATED", "NAME"), rows);
    }
}
