package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.ListingWriter;
import io.tributary.daemon.cli.render.ProductRenderer;
import io.tributary.record.KeysetPage;
import io.tributary.record.StoredProduct;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "products", description = "List stored products (variations included), most recently changed first; "
        + "or export them all (--format ndjson|csv), or page through them (--after).")
final class ProductsCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only products with exactly this SKU (default: any).")
    String sku;

    @Mixin
    DeletedOption deleted;

    @Mixin
    ExportOptions export;

    @Override
    public Integer call() {
        listing.requireKnownConnection(this);
        ListingWriter.Format format = export.format(json);
        try (ListingWriter<StoredProduct> writer = new ListingWriter<>(format, out(), new ProductRenderer(),
                ListingWriter::flattened)) {
            if (export.paged()) {
                KeysetPage<StoredProduct> page = app().records().productPage(null, listing.connection, sku,
                        deleted.deleted, export.afterCursor(), ExportOptions.pageSize(listing));
                page.items().forEach(writer::write);
                ExportOptions.nextPage(out(), page.next());
            } else {
                app().records().forEachProduct(listing.connection, sku, deleted.deleted,
                        ExportOptions.limitFor(listing, format),
                        writer::write);
            }
            if (writer.written() == 0 && format == ListingWriter.Format.TABLE) {
                out().note(whyEmpty());
            }
        }
        return OK;
    }

    /** What the empty listing means: nothing stored, or a SKU that none of what is stored has. */
    private String whyEmpty() {
        long stored = app().records().count("product", listing.connection);
        if (sku == null || stored == 0) {
            return "No products" + deleted.describe() + " stored" + listing.forConnection() + ".";
        }
        return "No product" + deleted.describe() + " " + listing.ofConnection() + "has SKU " + sku + " (" + ListingOptions.count(stored)
                + " products stored).";
    }
}
