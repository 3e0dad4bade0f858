package io.tributary.route;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.DeliveryReceipt;
import io.tributary.store.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a route remembers per order, in {@code route_delivery}: an INTENT is written (and committed) before a
 * delivery is posted, and becomes POSTED with the delivery's id or REFUSED with the target's reason. A row is held
 * by one dispatcher at a time through {@code claimed_until}, so two dispatchers never post the same order, and a
 * dispatcher that crashed lets go once its claim runs out.
 */
final class DeliveryLedger {
    /** A stored order of the route's source that may need a delivery, with the route's row for it if any. */
    record Candidate(String orderExternalId, String orderNumber, String status, String contentHash, String rawJson,
            RouteDelivery.State state, String refusedHash, int refusals) {}

    private final Jdbc jdbc;

    DeliveryLedger(Jdbc jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /**
     * Orders in the route's status, stored since the route's {@code forwardSince} and not deleted at the source
     * (a deletion is stored with its time, which would otherwise bring an old order in), that have no row yet or were
     * refused in an earlier version and not too often; in external id order after {@code afterId}.
     */
    List<Candidate> candidates(Route route, String afterId, int limit, int maxRefusals) {
        return jdbc.query("SELECT o.external_id, o.order_number, o.status, o.content_hash, o.raw_json, d.state,"
                        + " d.order_hash, d.refusals FROM orders o LEFT JOIN route_delivery d"
                        + " ON d.route_id = ? AND d.order_external_id = o.external_id"
                        + " WHERE o.connection_id = ? AND o.status = ? AND o.synced_at >= ? AND o.external_id > ?"
                        + " AND o.deleted_at IS NULL"
                        + " AND (d.state IS NULL OR (d.state = 'REFUSED' AND d.order_hash <> o.content_hash"
                        + " AND d.refusals < ?))"
                        + " ORDER BY o.external_id LIMIT ?",
                List.of(route.id(), route.sourceConnectionId(), route.whenStatus(), route.forwardSince(), afterId,
                        maxRefusals, limit),
                DeliveryLedger::candidate);
    }

    /** The stored order behind a row, with the row, if the order is still in the route's status. */
    Optional<Candidate> stillQualifying(Route route, String orderExternalId) {
        return jdbc.query("SELECT o.external_id, o.order_number, o.status, o.content_hash, o.raw_json, d.state,"
                        + " d.order_hash, d.refusals FROM orders o LEFT JOIN route_delivery d"
                        + " ON d.route_id = ? AND d.order_external_id = o.external_id"
                        + " WHERE o.connection_id = ? AND o.external_id = ? AND o.status = ?",
                List.of(route.id(), route.sourceConnectionId(), orderExternalId, route.whenStatus()),
                DeliveryLedger::candidate).stream().findFirst();
    }

    private static Candidate candidate(ResultSet rows) throws SQLException {
        String state = rows.getString("state");
        return new Candidate(rows.getString("external_id"), rows.getString("order_number"), rows.getString("status"),
                rows.getString("content_hash"), rows.getString("raw_json"),
                state == null ? null : RouteDelivery.State.valueOf(state),
                rows.getString("order_hash"), rows.getInt("refusals"));
    }

    /** The route's rows left as INTENT: posted or not, nobody knows yet. */
    List<RouteDelivery> intents(long routeId) {
        return jdbc.query("SELECT * FROM route_delivery WHERE route_id = ? AND state = 'INTENT' ORDER BY created_at,"
                + " order_external_id", List.of(routeId), DeliveryLedger::entry);
    }

    /**
     * Records the intent to post an order, claimed by the caller until {@code until}, and commits it.
     *
     * @return false when a row for the order exists already (another dispatcher got there first)
     */
    boolean recordIntent(Route route, Candidate order, Instant now, Instant until) {
        return jdbc.inConnection(connection -> {
            try (PreparedStatement statement = Jdbc.prepare(connection, "INSERT INTO route_delivery (route_id,"
                            + " order_external_id, order_number, reference, state, refusals, claimed_until,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, 'INTENT', 0, ?, ?, ?)",
                    List.of(route.id(), order.orderExternalId(), Jdbc.orNull(Sql.fit(order.orderNumber(), 100)),
                            route.referenceFor(order.orderExternalId()), until, now, now))) {
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Claims an INTENT row nobody holds (or whose holder's claim ran out); false when someone holds it. */
    boolean claimIntent(long routeId, String orderExternalId, Instant now, Instant until) {
        return jdbc.update("UPDATE route_delivery SET claimed_until = ?, updated_at = ? WHERE route_id = ?"
                + " AND order_external_id = ? AND state = 'INTENT' AND (claimed_until IS NULL OR claimed_until < ?)",
                List.of(until, now, routeId, orderExternalId, now)) == 1;
    }

    /** Turns a REFUSED row back into a claimed INTENT, if it is still the refusal of {@code refusedHash}. */
    boolean claimRefused(long routeId, String orderExternalId, String refusedHash, Instant now, Instant until) {
        return jdbc.update("UPDATE route_delivery SET state = 'INTENT', claimed_until = ?, updated_at = ?"
                + " WHERE route_id = ? AND order_external_id = ? AND state = 'REFUSED' AND order_hash = ?",
                List.of(until, now, routeId, orderExternalId, refusedHash)) == 1;
    }

    void posted(long routeId, String orderExternalId, DeliveryReceipt receipt, Instant now) {
        jdbc.update("UPDATE route_delivery SET state = 'POSTED', delivery_id = ?, tracking_url = ?, reason = NULL,"
                + " claimed_until = NULL, updated_at = ? WHERE route_id = ? AND order_external_id = ?",
                List.of(receipt.deliveryId(), Jdbc.orNull(Sql.fit(receipt.trackingUrl(), 1000)), now, routeId,
                        orderExternalId));
    }

    void refused(long routeId, String orderExternalId, String reason, String orderHash, Instant now) {
        jdbc.update("UPDATE route_delivery SET state = 'REFUSED', reason = ?, order_hash = ?,"
                + " refusals = refusals + 1, claimed_until = NULL, updated_at = ? WHERE route_id = ?"
                + " AND order_external_id = ?",
                List.of(Sql.fit(reason, 2000), orderHash, now, routeId, orderExternalId));
    }

    /** Lets go of an INTENT row after a failure that may have posted it: the next dispatch reconciles it. */
    void release(long routeId, String orderExternalId, Instant now) {
        jdbc.update("UPDATE route_delivery SET claimed_until = NULL, updated_at = ? WHERE route_id = ?"
                + " AND order_external_id = ? AND state = 'INTENT'", List.of(now, routeId, orderExternalId));
    }

    /** Forgets an INTENT whose delivery was never created and whose order no longer wants one. */
    void abandon(long routeId, String orderExternalId) {
        jdbc.update("DELETE FROM route_delivery WHERE route_id = ? AND order_external_id = ? AND state = 'INTENT'",
                List.of(routeId, orderExternalId));
    }

    RouteDelivery.Counts counts(long routeId) {
        long[] counts = new long[RouteDelivery.State.values().length];
        jdbc.query("SELECT state, COUNT(*) FROM route_delivery WHERE route_id = ? GROUP BY state", List.of(routeId),
                rows -> {
                    counts[RouteDelivery.State.valueOf(rows.getString(1)).ordinal()] = rows.getLong(2);
                    return null;
                });
        return new RouteDelivery.Counts(counts[RouteDelivery.State.POSTED.ordinal()],
                counts[RouteDelivery.State.REFUSED.ordinal()], counts[RouteDelivery.State.INTENT.ordinal()]);
    }

    List<RouteDelivery> entries(long routeId, int limit) {
        return new ArrayList<>(jdbc.query("SELECT * FROM route_delivery WHERE route_id = ?"
                + " ORDER BY updated_at DESC, order_external_id LIMIT ?", List.of(routeId, limit),
                DeliveryLedger::entry));
    }

    private static RouteDelivery entry(ResultSet rows) throws SQLException {
        return new RouteDelivery(rows.getString("order_external_id"), rows.getString("order_number"),
                rows.getString("reference"), RouteDelivery.State.valueOf(rows.getString("state")),
                rows.getString("delivery_id"),
                rows.getString("tracking_url"), rows.getInt("refusals"), rows.getString("reason"),
                Sql.getInstant(rows, "claimed_until"), Sql.getInstant(rows, "created_at"),
                Sql.getInstant(rows, "updated_at"), Sql.getInstant(rows, "completed_at"),
                rows.getString("completion"));
    }
}
