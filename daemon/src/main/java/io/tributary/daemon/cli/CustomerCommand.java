package io.tributary.daemon.cli;

import io.tributary.customer.CustomerDetail;
import io.tributary.customer.CustomerMerge;
import io.tributary.customer.CustomerOrder;
import io.tributary.customer.CustomerView;
import io.tributary.daemon.cli.render.CustomerRenderer;
import io.tributary.daemon.cli.render.ValueFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "customer", description = "One customer: its orders across stores, its merges, and undoing one.",
        subcommands = {CustomerCommand.Show.class, CustomerCommand.Unmerge.class, UsageHelpCommand.class})
final class CustomerCommand {

    @Command(name = "show", description = "Show a customer with all its orders and merges (a customer merged into "
            + "another shows as that one).")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The customer's id (tributary customers).")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            CustomerDetail detail = app().customers().show(id, null);
            CustomerRenderer renderer = new CustomerRenderer();
            if (json.enabled()) {
                out().json(renderer.detail(detail));
                return OK;
            }
            CustomerView c = detail.customer();
            out().table(List.of(c), renderer);
            out().line("E-mails: " + (c.emails().isEmpty() ? "-" : String.join(", ", c.emails())) + "; phones: "
                    + (c.phones().isEmpty() ? "-" : String.join(", ", c.phones())) + ".");
            List<List<String>> orders = new ArrayList<>();
            for (CustomerOrder o : detail.orders()) {
                orders.add(Arrays.asList(o.storeCode(), Long.toString(o.connectionId()), o.externalId(), o.number(),
                        o.status(), ValueFormats.money(o.total()), o.currency(), ValueFormats.time(o.createdAt())));
            }
            out().table(List.of("STORE", "CONN", "ID", "NUMBER", "STATUS", "TOTAL", "CUR", "ORDERED"), orders);
            if (!detail.accounts().isEmpty()) {
                List<List<String>> accounts = new ArrayList<>();
                for (io.tributary.customer.CustomerAccount a : detail.accounts()) {
                    accounts.add(Arrays.asList(a.storeCode(), Long.toString(a.connectionId()), a.externalId(),
                            a.name(), a.email(), a.phone(), ValueFormats.time(a.updatedAt())));
                }
                out().line("Source records:");
                out().table(List.of("STORE", "CONN", "ID", "NAME", "EMAIL", "PHONE", "UPDATED"), accounts);
            }
            for (CustomerMerge m : detail.merges()) {
                out().line("Merge " + m.id() + ": customer " + m.absorbedId() + " joined " + m.survivorId() + " at "
                        + m.mergedAt() + " (" + (m.orderExternalId() == null ? "a customer account"
                        : "order " + m.orderExternalId()) + " of connection " + m.connectionId()
                        + " carried " + m.reasonValue() + ")" + (m.undoneAt() == null ? "; undo with: tributary "
                        + "customer unmerge " + m.id() : "; undone at " + m.undoneAt()) + ".");
            }
            return OK;
        }
    }

    @Command(name = "unmerge", description = "Undo a merge: the customer it joined to another stands alone again with "
            + "its own orders (no order ever moved); an order linking the two again does not re-merge them.")
    static final class Unmerge extends CliCommand {
        @Parameters(index = "0", paramLabel = "MERGE_ID", description = "The merge's id (tributary customer show ID).")
        long mergeId;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            CustomerMerge undone = app().customers().unmerge(mergeId);
            if (json.enabled()) {
                out().json(CustomerRenderer.merge(undone));
            } else {
                out().line("Undid merge " + undone.id() + ": customer " + undone.absorbedId() + " is apart from "
                        + "customer " + undone.survivorId() + " again.");
            }
            return OK;
        }
    }
}
