package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.daemon.cli.render.StatusWriteRenderer;
import io.tributary.daemon.cli.render.ValueFormats;
import io.tributary.record.Deleted;
import io.tributary.record.StoredOrder;
import io.tributary.store.NotFoundException;
import io.tributary.writeback.OrderRef;
import io.tributary.writeback.StatusChange;
import io.tributary.writeback.StatusWrite;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "order", description = "Act on one stored order.",
        subcommands = {OrderCommand.Show.class, OrderCommand.SetStatus.class, UsageHelpCommand.class})
final class OrderCommand {

    @Command(name = "show", description = "Show one order with its lines and every status change written to its shop "
            + "from here (also an order deleted at the source). Exit 2 when there is no such order.")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The order: CONNECTION:EXTERNAL_ID, the CONN "
                + "and ID columns of `tributary orders` (connectionId and externalId with --json), e.g. 3:727.")
        String id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            OrderRef ref = OrderRef.parse(id);
            StoredOrder order = app().records().order(null, ref.connectionId(), ref.externalId(), Deleted.INCLUDE)
                    .orElseThrow(() -> new NotFoundException("There is no order " + ref + "."));
            List<StatusWrite> writes = app().orderStatusChanges().writes(ref.connectionId(), ref.externalId());
            OrderRenderer renderer = new OrderRenderer();
            if (json.enabled()) {
                Map<String, Object> document = new LinkedHashMap<>(renderer.json(order));
                document.put("statusWrites", writes.stream().map(StatusWriteRenderer::json).toList());
                out().json(document);
                return OK;
            }
            out().table(List.of(order), renderer);
            out().line("Customer: " + String.join(" ", Stream.of(order.customerName(), order.customerEmail(),
                    order.customerPhone()).filter(Objects::nonNull).toList())
                    + (order.customerId() == null ? "" : " (customer " + order.customerId() + ")")
                    + "; ordered " + ValueFormats.time(order.createdAt()) + "."
                    + (order.deletedAt() == null ? "" : " Deleted at the source at "
                    + ValueFormats.time(order.deletedAt()) + "."));
            out().table(List.of("SKU", "NAME", "QTY", "UNIT", "TOTAL"), order.lines().stream()
                    .map(l -> Arrays.asList(l.sku(), l.name(), ValueFormats.money(l.quantity()),
                            ValueFormats.money(l.unitPrice()), ValueFormats.money(l.total()))).toList());
            if (writes.isEmpty()) {
                out().line("No status was changed from here.");
            } else {
                out().table(List.of("ASKED", "BY", "FROM", "TO", "OUTCOME", "HTTP", "ANSWER"), writes.stream()
                        .map(w -> Arrays.asList(ValueFormats.time(w.requestedAt()), w.requestedBy(), w.fromStatus(),
                                w.toStatus(), w.outcome().name(), w.httpStatus() == null ? "" : w.httpStatus()
                                        .toString(), w.answer())).toList());
            }
            return OK;
        }
    }

    @Command(name = "set-status", description = "Change an order's status. An order from a shop (WooCommerce, "
            + "Magento) gets it in the shop first and here only once the shop took it; an order sent in through the "
            + "API changes here alone; an order that already has the status is left as it is. Exit 1, with the "
            + "reason, when the shop refuses or its system takes no status from here (Shopify, CoopCycle).")
    static final class SetStatus extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The order: CONNECTION:EXTERNAL_ID, the CONN "
                + "and ID columns of `tributary orders` (connectionId and externalId with --json), e.g. 3:727.")
        String id;

        @Parameters(index = "1", paramLabel = "STATUS", description = "The new status, in the shop's own words "
                + "(WooCommerce: pending, processing, on-hold, completed, cancelled, refunded, failed; Magento: a "
                + "status of the order's current state, such as processing or holded).")
        String status;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            OrderRef ref = OrderRef.parse(id);
            StatusChange change = app().orderStatusChanges().change(null, ref.connectionId(), ref.externalId(), status,
                    "cli");
            if (json.enabled()) {
                Map<String, Object> document = new LinkedHashMap<>(new OrderRenderer().json(change.order()));
                document.put("statusWrite", change.write() == null ? null : StatusWriteRenderer.json(change.write()));
                out().json(document);
            } else if (!change.changed()) {
                out().line("Order " + ref + " already has status " + change.order().status() + "; nothing written.");
            } else if (change.write() == null) {
                out().line("Order " + ref + " now has status " + change.order().status() + " (it has no shop to "
                        + "write to).");
            } else {
                out().line("Order " + ref + " now has status " + change.order().status() + ", written to its shop "
                        + "(HTTP " + change.write().httpStatus() + ").");
            }
            return OK;
        }
    }
}
