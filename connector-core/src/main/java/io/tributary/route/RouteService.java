package io.tributary.route;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoredConnection;
import io.tributary.intake.ApiShipments;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.spi.ShippableOrders;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.Sql;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/** Adds, lists and removes routes, checking that the source's orders can be shipped and the target delivers. */
public final class RouteService {
    static final int MAX_LEAD_MINUTES = 7 * 24 * 60;
    static final int MIN_SLOT_MINUTES = 10;
    static final int MAX_SLOT_MINUTES = 24 * 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final Clock clock;

    public RouteService(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock) {
        this.jdbc = new Jdbc(requireNonNull(dataSource, "dataSource is null"));
        this.connections = requireNonNull(connections, "connections is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Validates and saves a route. Opens the target's connector (no I/O) to check that it accepts deliveries.
     *
     * @throws NotFoundException     when a connection does not exist
     * @throws InvalidInputException listing every problem otherwise
     */
    public Route add(RouteDraft draft) {
        StoredConnection source = connections.find(draft.sourceConnectionId());
        StoredConnection target = connections.find(draft.targetConnectionId());
        String status = draft.whenStatus() == null ? RouteDraft.DEFAULT_STATUS : draft.whenStatus().trim();
        int lead = draft.leadMinutes() == null ? RouteDraft.DEFAULT_LEAD_MINUTES : draft.leadMinutes();
        int slot = draft.slotMinutes() == null ? RouteDraft.DEFAULT_SLOT_MINUTES : draft.slotMinutes();
        List<ValidationProblem> problems = new ArrayList<>();
        if (source.id() == target.id()) {
            problems.add(new ValidationProblem("to", "A route goes from one connection to another; --from and --to "
                    + "are both " + source.id() + "."));
        }
        if (shippable(source) == null) {
            problems.add(new ValidationProblem("from", "Connection " + source.id() + " (" + source.name() + ") is a "
                    + registry.require(source.systemId()).displayName() + " connection, whose orders Tributary "
                    + "cannot hand to a courier."));
        }
        if (!acceptsDeliveries(target)) {
            problems.add(new ValidationProblem("to", "Connection " + target.id() + " (" + target.name() + ") is a "
                    + registry.require(target.systemId()).displayName() + " connection, which does not accept "
                    + "deliveries; route orders to a courier platform such as CoopCycle."));
        }
        if (status.isEmpty() || status.length() > 50) {
            problems.add(new ValidationProblem("when-status", "The status must be 1-50 characters, e.g. processing."));
        }
        String complete = draft.completeStatus() == null ? null : draft.completeStatus().strip();
        if (complete != null && (complete.isEmpty() || complete.length() > 50)) {
            problems.add(new ValidationProblem("complete-on-delivery", "The status an order takes once delivered "
                    + "must be 1-50 characters, e.g. completed."));
        }
        if (lead < 0 || lead > MAX_LEAD_MINUTES) {
            problems.add(new ValidationProblem("lead-minutes", "--lead-minutes must be between 0 and "
                    + MAX_LEAD_MINUTES + " (a week), got " + lead + "."));
        }
        if (slot < MIN_SLOT_MINUTES || slot > MAX_SLOT_MINUTES) {
            problems.add(new ValidationProblem("slot-minutes", "--slot-minutes must be between " + MIN_SLOT_MINUTES
                    + " and " + MAX_SLOT_MINUTES + ", got " + slot + "."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Route> same = jdbc.query("SELECT * FROM route WHERE source_connection_id = ? AND target_connection_id = ?",
                List.of(source.id(), target.id()), RouteService::route);
        if (!same.isEmpty()) {
            throw new InvalidInputException("to", "Route " + same.get(0).id() + " already forwards orders of "
                    + "connection " + source.id() + " to connection " + target.id() + "; remove it first to change it.");
        }
        Instant now = clock.instant();
        Instant since = draft.includeExisting() ? Instant.EPOCH : now;
        String prefix = "trib-" + HexFormat.of().formatHex(randomBytes(6));
        long id = jdbc.insert("INSERT INTO route (source_connection_id, target_connection_id, when_status,"
                + " lead_minutes, slot_minutes, reference_prefix, forward_since, created_at, complete_status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(source.id(), target.id(), status, lead, slot, prefix, since, now, Jdbc.orNull(complete)));
        return find(id);
    }

    /**
     * What reads a delivery from the connection's stored orders: its connector's, or for the connection holding a
     * store's orders sent in through the API, {@link ApiShipments}; null when its orders cannot be delivered.
     */
    ShippableOrders shippable(StoredConnection source) {
        if (ConnectorRegistry.API_SYSTEM.equals(source.systemId())) {
            return ApiShipments.INSTANCE;
        }
        ConnectorProvider provider = registry.require(source.systemId());
        return provider instanceof ShippableOrders shop && provider.supportedEntities().contains(EntityType.ORDERS)
                ? shop : null;
    }

    private boolean acceptsDeliveries(StoredConnection target) {
        ConnectorProvider provider = registry.require(target.systemId());
        ConnectionSettings settings = connections.settings(target.id());
        try (Connector connector = provider.open(settings, context)) {
            return connector instanceof DeliveryTarget;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Routes in id order. */
    public List<Route> list() {
        return jdbc.query("SELECT * FROM route ORDER BY id", List.of(), RouteService::route);
    }

    /** The routes that complete their orders once this connection (their target) reports them delivered. */
    public List<Route> completingInto(long targetConnectionId) {
        return jdbc.query("SELECT * FROM route WHERE target_connection_id = ? AND complete_status IS NOT NULL"
                + " ORDER BY id", List.of(targetConnectionId), RouteService::route);
    }

    /** The routes whose orders come from this connection. */
    public List<Route> from(long sourceConnectionId) {
        return jdbc.query("SELECT * FROM route WHERE source_connection_id = ? ORDER BY id",
                List.of(sourceConnectionId), RouteService::route);
    }

    public Route find(long id) {
        List<Route> found = jdbc.query("SELECT * FROM route WHERE id = ?", List.of(id), RouteService::route);
        if (found.isEmpty()) {
            throw new NotFoundException("There is no route with id " + id + ".");
        }
        return found.get(0);
    }

    /** Removes a route with what it remembers of posted orders (a route added again may post them again). */
    public void remove(long id) {
        find(id);
        jdbc.update("DELETE FROM route WHERE id = ?", List.of(id));
    }

    /** How many orders of each state the route's ledger holds. */
    public RouteDelivery.Counts counts(long routeId) {
        return new DeliveryLedger(jdbc).counts(routeId);
    }

    /** The route's ledger rows, most recently changed first. */
    public List<RouteDelivery> deliveries(long routeId, int limit) {
        find(routeId);
        return new DeliveryLedger(jdbc).entries(routeId, limit);
    }

    static Route route(ResultSet rows) throws SQLException {
        return new Route(rows.getLong("id"), rows.getLong("source_connection_id"),
                rows.getLong("target_connection_id"), rows.getString("when_status"), rows.getInt("lead_minutes"),
                rows.getInt("slot_minutes"), rows.getString("reference_prefix"), Sql.getInstant(rows, "forward_since"),
                Sql.getInstant(rows, "created_at"), rows.getString("complete_status"));
    }
}
