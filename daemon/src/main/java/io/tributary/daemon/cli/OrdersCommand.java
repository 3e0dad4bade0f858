package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.record.StoredOrder;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "orders", description = "List stored orders with their lines, most recently changed first.")
final class OrdersCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only orders in this status, as the shop names it "
            + "(e.g. processing, completed; CoopCycle: TODO, DOING, DONE, FAILED, CANCELLED; default: any).")
    String status;

    @Override
    public Integer call() {
        listing.requireKnownConnection(this);
        List<StoredOrder> orders = app().records().orders(listing.connection, status, listing.checkedLimit());
        json.list(out(), orders, new OrderRenderer(), orders.isEmpty() ? whyEmpty() : "");
        return OK;
    }

    /** What the empty listing means: nothing stored, or a status that none of what is stored has. */
    private String whyEmpty() {
        long stored = app().records().count("orders", listing.connection);
        if (status == null || stored == 0) {
            return "No orders stored" + listing.forConnection() + ".";
        }
        return "No order " + listing.ofConnection() + "has status " + status + " (" + ListingOptions.count(stored)
                + " orders stored).";
    }
}
