package io.tributary.writeback;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoredConnection;
import io.tributary.http.Excerpt;
import io.tributary.intake.OrderIntake;
import io.tributary.record.RecordQueries;
import io.tributary.record.StoredOrder;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.OrderStatusWriter;
import io.tributary.spi.Secret;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.writeback.StatusChangeRefusedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes an order's status centrally and writes it back to the shop the order came from, exactly once: an order
 * that already has the status is answered as it is (a client's retry writes nothing), an attempt is claimed before
 * the shop is asked (one per order at a time) and recorded with the shop's answer; the central status changes only
 * when the shop took it. Orders sent in through the API have no shop and change centrally. A system whose connector
 * is no {@link OrderStatusWriter} is refused in one sentence.
 *
 * <p>The order's content hash stays the one of the record the shop last sent: a later sync that reads the order
 * with the status the shop now has stores it (same status), and one that reads an older copy (the same hash as
 * stored) leaves the new status alone.
 */
public final class OrderStatusChanges {
    /** How long an attempt may talk to the shop before the next one takes over its claim. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(OrderStatusChanges.class);

    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final Clock clock;
    private final RecordQueries queries;
    private final StatusWrites writes;
    private final CentralChange central;

    public OrderStatusChanges(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock) {
        requireNonNull(dataSource, "dataSource is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.queries = new RecordQueries(dataSource);
        this.writes = new StatusWrites(dataSource);
        this.central = new CentralChange(dataSource);
    }

    /**
     * Gives order {@code externalId} of connection {@code connectionId} the status {@code status}.
     *
     * @param storeCodes  the stores the caller reaches (null: all); an order of another store is not found
     * @param requestedBy who asked, for the record ("cli", "api key 7")
     * @throws NotFoundException             when no such order is stored in a store the caller reaches
     * @throws InvalidInputException         when the status is blank or too long
     * @throws StatusChangeRefusedException  when the change was not made (central status unchanged), saying why
     */
    public StatusChange change(Collection<String> storeCodes, long connectionId, String externalId, String status,
            String requestedBy) {
        String target = status == null ? "" : status.strip();
        if (target.isEmpty()) {
            throw new InvalidInputException("status", "The status is required.");
        }
        if (target.length() > 50) {
            throw new InvalidInputException("status", "The status is longer than 50 characters.");
        }
        StoredOrder order = find(storeCodes, connectionId, externalId);
        if (target.equals(order.status())) {
            return new StatusChange(order, false, null);
        }
        StoredConnection connection = connections.find(connectionId);
        if (OrderIntake.SYSTEM_ID.equals(connection.systemId())) {
            central.set(connectionId, externalId, target, clock.instant());
            return new StatusChange(find(storeCodes, connectionId, externalId), true, null);
        }
        if (connection.removedAt() != null) {
            throw new StatusChangeRefusedException(Reason.NOT_SUPPORTED, "Connection " + connectionId + " ("
                    + connection.name() + ") was removed, so its orders cannot be changed in their shop any more.",
                    null);
        }
        ConnectorProvider provider = registry.require(connection.systemId());
        ConnectionSettings settings = connections.settings(connectionId);
        try (Connector connector = provider.open(settings, context)) {
            if (!(connector instanceof OrderStatusWriter writer)) {
                throw new StatusChangeRefusedException(Reason.NOT_SUPPORTED, provider.displayName() + " orders "
                        + "cannot be changed from Tributary: change the status in " + provider.displayName()
                        + ", and the next sync brings it here.", null);
            }
            return writeBack(storeCodes, order, target, requestedBy, provider, settings, writer);
        }
    }

    /** The recorded attempts to write order {@code externalId}'s status back to its shop, oldest first. */
    public List<StatusWrite> writes(long connectionId, String externalId) {
        return writes.of(connectionId, externalId);
    }

    private StatusChange writeBack(Collection<String> storeCodes, StoredOrder order, String target, String requestedBy,
            ConnectorProvider provider, ConnectionSettings settings, OrderStatusWriter writer) {
        long connectionId = order.connectionId();
        String externalId = order.externalId();
        Instant now = clock.instant();
        Optional<Long> claim = writes.claim(connectionId, externalId, order.status(), target, requestedBy, now,
                now.minus(CLAIM));
        if (claim.isEmpty()) {
            throw new StatusChangeRefusedException(Reason.IN_PROGRESS, "Another status change of order " + externalId
                    + " is being written to " + provider.displayName() + " right now; try again in a moment.", null);
        }
        StoredOrder current = find(storeCodes, connectionId, externalId);
        if (target.equals(current.status())) { // an attempt that finished between our read and our claim did it
            writes.drop(claim.get());
            return new StatusChange(current, false, null);
        }
        StatusWrite claimed = writes.find(claim.get());
        try {
            OrderStatusWriter.OrderStatusWrite answer = writer.writeOrderStatus(externalId, target);
            writes.finish(claimed, StatusWrite.Outcome.WRITTEN, answer.httpStatus(),
                    clean(answer.answer(), settings), clock.instant());
            log.info("order {} of connection {}: status {} -> {} written to {} (HTTP {})", externalId, connectionId,
                    current.status(), target, provider.displayName(), answer.httpStatus());
        } catch (ConnectorException e) {
            String reason = clean(e.getMessage(), settings);
            StatusWrite.Outcome outcome = e.httpStatus() == null ? StatusWrite.Outcome.FAILED
                    : StatusWrite.Outcome.REFUSED;
            writes.finish(claimed, outcome, e.httpStatus(), Excerpt.of(reason, 500), clock.instant());
            log.info("order {} of connection {}: {} did not take status {}: {}", externalId, connectionId,
                    provider.displayName(), target, reason);
            throw new StatusChangeRefusedException(Reason.SHOP_REFUSED, provider.displayName() + " did not take "
                    + "status " + target + " for order " + externalId + ", so it stays " + current.status()
                    + " here: " + reason, writes.find(claimed.id()));
        } catch (IllegalArgumentException e) {
            String reason = clean(e.getMessage(), settings);
            writes.finish(claimed, StatusWrite.Outcome.REFUSED, null, Excerpt.of(reason, 500), clock.instant());
            throw new StatusChangeRefusedException(Reason.SHOP_REFUSED, reason, writes.find(claimed.id()));
        } catch (RuntimeException e) {
            writes.finish(claimed, StatusWrite.Outcome.FAILED, null, e.getClass().getSimpleName(), clock.instant());
            throw e;
        }
        return new StatusChange(find(storeCodes, connectionId, externalId), true, writes.find(claimed.id()));
    }

    private StoredOrder find(Collection<String> storeCodes, long connectionId, String externalId) {
        return queries.order(storeCodes, connectionId, externalId).orElseThrow(() -> new NotFoundException(
                "There is no order " + connectionId + ":" + externalId + "."));
    }

    /** The text with any of the connection's secrets masked: a shop may quote what it was sent. */
    private static String clean(String text, ConnectionSettings settings) {
        String clean = text == null ? "" : text;
        for (Secret secret : settings.secrets().values()) {
            if (secret.occursIn(clean)) {
                clean = clean.replace(secret.reveal(), Secret.mask());
            }
        }
        return clean;
    }
}
