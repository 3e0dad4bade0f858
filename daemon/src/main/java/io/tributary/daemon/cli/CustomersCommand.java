package io.tributary.daemon.cli;

import io.tributary.customer.CustomerService;
import io.tributary.customer.CustomerView;
import io.tributary.daemon.cli.render.CustomerRenderer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "customers", description = "List customers: one per person across every store, found by e-mail "
        + "(trimmed, lower-case) or phone (E.164) in the orders stored; by id.")
final class CustomersCommand extends CliCommand {
    @Option(names = "--email", paramLabel = "EMAIL", description = "Only the customer with this e-mail (any case).")
    String email;

    @Option(names = "--phone", paramLabel = "PHONE", description = "Only the customer with this phone: with its "
            + "+country code, or in the national format of --store's country.")
    String phone;

    @Option(names = "--store", paramLabel = "CODE", description = "Only customers with an order in this store, shown "
            + "with that store's orders only (default: every store).")
    String store;

    @Option(names = "--after", paramLabel = "ID", description = "Only customers with a greater id (the next page).")
    Long after;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N customers, 1-"
            + CustomerService.MAX_PAGE + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<CustomerView> customers = app().customers().list(new CustomerService.Filter(email, phone, store), null,
                after, limit);
        json.list(out(), customers, new CustomerRenderer(), "No customers found. Customers come from stored orders "
                + "that carry an e-mail or phone: tributary sync ID --entity orders");
        return OK;
    }
}
