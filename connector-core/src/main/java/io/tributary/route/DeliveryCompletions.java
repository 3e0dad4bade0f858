package io.tributary.route;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.store.NotFoundException;
import io.tributary.writeback.OrderStatusChanges;
import io.tributary.writeback.StatusChange;
import io.tributary.writeback.StatusChangeRefusedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the shop's order once the courier delivered it ({@code route add --complete-on-delivery}): after an
 * orders sync of a route's target, each posted delivery whose synced copy now has the target's delivered status
 * gives its source order the route's complete status, through the same write-back as a status changed by hand
 * ({@link OrderStatusChanges}: claimed, written to the shop once, recorded with the shop's answer).
 *
 * <p>A delivery is handled once: written, already at the status, or refused by the shop (the sentence is kept in
 * the ledger and the write is recorded with the order). Only a failure that may pass (the shop is down, another
 * change of the order is in flight) leaves it for the target's next sync.
 */
final class DeliveryCompletions {
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(DeliveryCompletions.class);

    private final Jdbc jdbc;
    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final Clock clock;
    private final RouteService routes;
    private final OrderStatusChanges changes;

    DeliveryCompletions(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock, RouteService routes) {
        this.jdbc = new Jdbc(requireNonNull(dataSource, "dataSource is null"));
        this.connections = requireNonNull(connections, "connections is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.changes = new OrderStatusChanges(dataSource, connections, registry, context, clock);
    }

    /** After an orders sync of {@code run}'s connection: completes the orders it delivered; returns how many. */
    int afterTargetSync(SyncRun run) {
        if (run.entity() != EntityType.ORDERS) {
            return 0;
        }
        List<Route> completing = routes.completingInto(run.connectionId());
        if (completing.isEmpty()) {
            return 0;
        }
        StoredConnection target = connections.find(run.connectionId());
        try (Connector connector = registry.require(target.systemId()).open(connections.settings(target.id()),
                context)) {
            if (!(connector instanceof DeliveryTarget courier) || courier.deliveredStatus() == null) {
                return 0;
            }
            int completed = 0;
            for (Route route : completing) {
                completed += complete(route, courier);
            }
            return completed;
        }
    }

    private int complete(Route route, DeliveryTarget courier) {
        int handled = 0;
        String after = "";
        while (true) {
            List<String[]> posted = jdbc.query("SELECT order_external_id, delivery_id FROM route_delivery"
                    + " WHERE route_id = ? AND state = 'POSTED' AND completed_at IS NULL AND order_external_id > ?"
                    + " ORDER BY order_external_id LIMIT ?", List.of(route.id(), after, BATCH),
                    rows -> new String[] {rows.getString(1), rows.getString(2)});
            if (posted.isEmpty()) {
                return handled;
            }
            after = posted.get(posted.size() - 1)[0];
            Map<String, String> orderOfDelivery = new HashMap<>();
            for (String[] row : posted) {
                String stored = row[1] == null ? null : courier.storedIdOf(row[1]);
                if (stored != null) {
                    orderOfDelivery.put(stored, row[0]);
                }
            }
            for (String delivered : delivered(route.targetConnectionId(), orderOfDelivery.keySet(),
                    courier.deliveredStatus())) {
                if (completeOne(route, orderOfDelivery.get(delivered))) {
                    handled++;
                }
            }
        }
    }

    /** Of the target's stored orders with these ids, those in the delivered status. */
    private List<String> delivered(long targetConnectionId, java.util.Set<String> storedIds, String status) {
        if (storedIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(targetConnectionId);
        parameters.add(status);
        parameters.addAll(storedIds);
        return jdbc.query("SELECT external_id FROM orders WHERE connection_id = ? AND status = ?"
                + " AND deleted_at IS NULL AND external_id IN ("
                + String.join(", ", Collections.nCopies(storedIds.size(), "?")) + ")", parameters,
                rows -> rows.getString(1));
    }

    /** Gives the order the route's status; true when the delivery is handled (written, already so, or refused). */
    private boolean completeOne(Route route, String orderExternalId) {
        String completion;
        try {
            StatusChange change = changes.change(null, route.sourceConnectionId(), orderExternalId,
                    route.completeStatus(), "route " + route.id());
            completion = change.changed() ? "Delivered: the order was set to " + route.completeStatus() + "."
                    : "Delivered: the order already was " + route.completeStatus() + ".";
        } catch (StatusChangeRefusedException e) {
            if (e.reason() == StatusChangeRefusedException.Reason.IN_PROGRESS) {
                return false;
            }
            completion = e.getMessage();
        } catch (NotFoundException e) {
            completion = "Delivered, but the order is no longer stored: " + e.getMessage();
        } catch (RuntimeException e) {
            log.info("route {}: order {} was delivered but could not be completed yet: {}", route.id(),
                    orderExternalId, e.getMessage());
            return false;
        }
        jdbc.update("UPDATE route_delivery SET completed_at = ?, completion = ? WHERE route_id = ?"
                + " AND order_external_id = ? AND completed_at IS NULL",
                List.of(clock.instant(), completion.length() > 600 ? completion.substring(0, 597) + "..." : completion,
                        route.id(), orderExternalId));
        log.info("route {}: order {} delivered; {}", route.id(), orderExternalId, completion);
        return true;
    }
}
