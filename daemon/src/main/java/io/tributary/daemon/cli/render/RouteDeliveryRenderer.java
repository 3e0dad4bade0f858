package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.route.RouteDelivery;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a route did with one order: posted (with the courier's delivery), refused (with the reason), or in flight; and,
 * for a route that completes delivered orders, what came of that (shown in place of a reason in the table).
 */
public final class RouteDeliveryRenderer implements Renderer<RouteDelivery> {
    @Override
    public Map<String, Object> json(RouteDelivery d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderExternalId", d.orderExternalId());
        json.put("orderNumber", d.orderNumber());
        json.put("state", d.state().name());
        json.put("deliveryId", d.deliveryId());
        json.put("trackingUrl", d.trackingUrl());
        json.put("reference", d.reference());
        json.put("refusals", d.refusals());
        json.put("reason", d.reason());
        json.put("createdAt", time(d.createdAt()));
        json.put("updatedAt", time(d.updatedAt()));
        json.put("completedAt", time(d.completedAt()));
        json.put("completion", d.completion());
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("ORDER", "NUMBER", "STATE", "DELIVERY", "UPDATED", "REASON");
    }

    @Override
    public List<String> row(RouteDelivery d) {
        return Arrays.asList(d.orderExternalId(), d.orderNumber(), d.state().name(), d.deliveryId(),
                time(d.updatedAt()), d.completion() != null ? d.completion() : d.reason());
    }
}
