package io.tributary.daemon.cli;

import io.tributary.record.StoredOrder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "orders", description = "List stored orders with their lines, most recently changed first.")
final class OrdersCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Option(names = "--status")
    String status;

    @Override
    public Integer call() {
        List<StoredOrder> orders = app().records().orders(listing.connection, status, listing.checkedLimit());
        if (listing.json) {
            out().json(orders.stream().map(JsonViews::order).toList());
            return OK;
        }
        if (orders.isEmpty()) {
            out().note("No orders stored"
                    + (listing.connection == null ? "" : " for connection " + listing.connection) + ".");
            return OK;
        }
        print(out(), orders);
        return OK;
    }

    static void print(Output out, List<StoredOrder> orders) {
        List<List<String>> rows = new ArrayList<>();
        for (StoredOrder o : orders) {
            rows.add(java.util.Arrays.asList(Long.toString(o.connectionId()), o.externalId(), o.number(), o.status(),
                    JsonViews.money(o.total()), o.currency(), Integer.toString(o.lines().size()),
                    JsonViews.time(o.updatedAt()), o.customerEmail()));
        }
        out.table(List.of("CONN", "ID", "NUMBER", "STATUS", "TOTAL", "CUR", "LINES", "UPDATED", "CUSTOMER"), rows);
    }
}
