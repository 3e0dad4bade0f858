package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.ListingWriter;
import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.record.KeysetPage;
import io.tributary.record.StoredOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "orders", description = "List stored orders with their lines, most recently changed first; or "
        + "export them all (--format ndjson|csv), or page through them (--after).")
final class OrdersCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only orders in this status, as the shop names it "
            + "(e.g. processing, completed; CoopCycle: TODO, DOING, DONE, FAILED, CANCELLED; default: any).")
    String status;

    @Mixin
    DeletedOption deleted;

    @Mixin
    ExportOptions export;

    @Override
    public Integer call() {
        listing.requireKnownConnection(this);
        ListingWriter.Format format = export.format(json);
        try (ListingWriter<StoredOrder> writer = new ListingWriter<>(format, out(), new OrderRenderer(),
                ListingWriter::flattened)) {
            if (export.paged()) {
                KeysetPage<StoredOrder> page = app().records().orderPage(null, listing.connection, status, null,
                        deleted.deleted, export.afterCursor(), ExportOptions.pageSize(listing));
                page.items().forEach(writer::write);
                ExportOptions.nextPage(out(), page.next());
            } else {
                app().records().forEachOrder(listing.connection, status, deleted.deleted,
                        ExportOptions.limitFor(listing, format),
                        writer::write);
            }
            if (writer.written() == 0 && format == ListingWriter.Format.TABLE) {
                out().note(whyEmpty());
            }
        }
        return OK;
    }

    /** What the empty listing means: nothing stored, or a status that none of what is stored has. */
    private String whyEmpty() {
        long stored = app().records().count("orders", listing.connection);
        if (status == null || stored == 0) {
            return "No orders" + deleted.describe() + " stored" + listing.forConnection() + ".";
        }
        return "No order" + deleted.describe() + " " + listing.ofConnection() + "has status " + status + " (" + ListingOptions.count(stored)
                + " orders stored).";
    }
}
