package io.tributary.daemon.cli;

import io.tributary.store.StoredOrder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "orders", description = "List stored orders with their lines, most recently changed first.")
final class OrdersCommand extends CliCommand {
    @Option(names = "--connection", paramLabel = "ID")
    Long connection;

    @Option(names = "--status")
    String status;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<StoredOrder> orders = app().records().orders(connection, status, Limits.check(limit));
        if (json) {
            out().json(orders.stream().map(JsonViews::order).toList());
            return OK;
        }
        if (orders.isEmpty()) {
            out().note("No orders stored" + (connection == null ? "" : " for connection " + connection) + ".");
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
