package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.money;
import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.customer.CustomerAccount;
import io.tributary.customer.CustomerDetail;
import io.tributary.customer.CustomerMerge;
import io.tributary.customer.CustomerOrder;
import io.tributary.customer.CustomerView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A customer as {@code tributary customers}, {@code customer show} and {@code GET /api/v1/customers[/{id}]} show
 * it; the detail adds its orders, its source records ({@code sources}) and (for a caller of every store) its merges.
 */
public final class CustomerRenderer implements Renderer<CustomerView> {
    @Override
    public Map<String, Object> json(CustomerView c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("email", c.emails().isEmpty() ? null : c.emails().get(0));
        json.put("phone", c.phones().isEmpty() ? null : c.phones().get(0));
        json.put("emails", c.emails());
        json.put("phones", c.phones());
        json.put("firstOrderAt", time(c.firstOrderAt()));
        json.put("lastOrderAt", time(c.lastOrderAt()));
        json.put("orderCount", c.orderCount());
        Map<String, Object> spent = new LinkedHashMap<>();
        c.totalSpent().forEach((currency, amount) -> spent.put(currency, money(amount)));
        json.put("totalSpent", spent);
        List<Map<String, Object>> seen = new ArrayList<>();
        for (CustomerView.SeenIn s : c.seenIn()) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("store", s.storeCode());
            where.put("connectionId", s.connectionId());
            where.put("connectionName", s.connectionName());
            seen.add(where);
        }
        json.put("seenIn", seen);
        return json;
    }

    /** The customer with its orders and merges. */
    public Map<String, Object> detail(CustomerDetail d) {
        Map<String, Object> json = json(d.customer());
        json.put("orders", d.orders().stream().map(CustomerRenderer::order).toList());
        json.put("sources", d.accounts().stream().map(CustomerRenderer::account).toList());
        json.put("merges", d.merges().stream().map(CustomerRenderer::merge).toList());
        return json;
    }

    public static Map<String, Object> order(CustomerOrder o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", o.storeCode());
        json.put("connectionId", o.connectionId());
        json.put("connectionName", o.connectionName());
        json.put("externalId", o.externalId());
        json.put("number", o.number());
        json.put("status", o.status());
        json.put("currency", o.currency());
        json.put("total", money(o.total()));
        json.put("refundedTotal", money(o.refundedTotal()));
        json.put("customerName", o.customerName());
        json.put("customerEmail", o.customerEmail());
        json.put("customerPhone", o.customerPhone());
        json.put("createdAt", time(o.createdAt()));
        return json;
    }

    /** A source record of the customer: its account at one connection. */
    public static Map<String, Object> account(CustomerAccount a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", a.storeCode());
        json.put("connectionId", a.connectionId());
        json.put("connectionName", a.connectionName());
        json.put("externalId", a.externalId());
        json.put("name", a.name());
        json.put("email", a.email());
        json.put("phone", a.phone());
        json.put("createdAt", time(a.createdAt()));
        json.put("updatedAt", time(a.updatedAt()));
        return json;
    }

    public static Map<String, Object> merge(CustomerMerge m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("survivorId", m.survivorId());
        json.put("absorbedId", m.absorbedId());
        json.put("reasonKind", m.reasonKind());
        json.put("reasonValue", m.reasonValue());
        json.put("connectionId", m.connectionId());
        json.put("orderExternalId", m.orderExternalId());
        json.put("mergedAt", time(m.mergedAt()));
        json.put("undoneAt", time(m.undoneAt()));
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("ID", "NAME", "EMAIL", "PHONE", "ORDERS", "SPENT", "LAST ORDER", "STORES");
    }

    @Override
    public List<String> row(CustomerView c) {
        String spent = c.totalSpent().entrySet().stream().map(e -> money(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
        String stores = c.seenIn().stream().map(CustomerView.SeenIn::storeCode).distinct()
                .collect(Collectors.joining(", "));
        return Arrays.asList(Long.toString(c.id()), c.name(), c.emails().isEmpty() ? null : c.emails().get(0),
                c.phones().isEmpty() ? null : c.phones().get(0), Long.toString(c.orderCount()),
                spent.isEmpty() ? null : spent, time(c.lastOrderAt()), stores);
    }
}
