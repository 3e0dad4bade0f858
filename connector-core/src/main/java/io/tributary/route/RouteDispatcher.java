package io.tributary.route;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.DeliveryReceipt;
import io.tributary.spi.DeliveryRefusedException;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.spi.Secret;
import io.tributary.spi.Shipment;
import io.tributary.spi.ShippableOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the orders of a connection that reached a route's status to the route's target as deliveries, exactly
 * once per (route, order). Called after each orders sync of the source, from wherever that sync ran.
 *
 * <p>Exactly once: before posting, an INTENT row for (route, order) is committed (the primary key makes it
 * unique, a claim with an expiry keeps two dispatchers apart); after the target answers, the row becomes POSTED
 * with the delivery's id, or REFUSED with the target's reason. A crash or a lost answer between "posted" and
 * "remembered" leaves the INTENT; the next run looks the delivery up in the target by the reference it carries
 * before it posts again, so a second delivery is never created. A refused order is recorded in the run and tried
 * again only once the order changed at the source, at most {@link #MAX_REFUSALS} times; it never blocks other
 * orders. Any other failure (the target is down) stops the route for this run, recorded as FAILED, leaving its
 * orders for the next.
 */
public final class RouteDispatcher {
    /** How long a dispatcher holds an order it works on, by default; longer than one create request can take. */
    public static final Duration DEFAULT_CLAIM = Duration.ofMinutes(2);
    static final Duration CLAIM = DEFAULT_CLAIM;
    /** Refusals of one order after which it is no longer tried, even when it changes. */
    public static final int MAX_REFUSALS = 5;
    /** How far before an intent the target is searched, for clocks that disagree. */
    static final Duration RECONCILE_MARGIN = Duration.ofHours(1);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RouteDispatcher.class);

    private final ConnectionService connections;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;
    private final Clock clock;
    private final RouteService routes;
    private final RouteRuns runs;
    private final DeliveryLedger ledger;
    private final DispatchHook hook;
    private final Duration claim;
    private final DeliveryCompletions completions;

    public RouteDispatcher(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock) {
        this(dataSource, connections, registry, context, clock, DEFAULT_CLAIM);
    }

    /**
     * @param claim how long a dispatcher holds an order it posts, and after how long a route run that stopped (its
     *              process died) is closed ABANDONED and its orders taken over
     */
    public RouteDispatcher(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock, Duration claim) {
        this(dataSource, connections, registry, context, clock, DispatchHook.NONE, claim);
    }

    RouteDispatcher(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock, DispatchHook hook) {
        this(dataSource, connections, registry, context, clock, hook, DEFAULT_CLAIM);
    }

    private RouteDispatcher(DataSource dataSource, ConnectionService connections, ConnectorRegistry registry,
            ConnectorContext context, Clock clock, DispatchHook hook, Duration claim) {
        this.claim = requireNonNull(claim, "claim is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.hook = requireNonNull(hook, "hook is null");
        this.routes = new RouteService(dataSource, connections, registry, context, clock);
        this.runs = new RouteRuns(dataSource);
        this.ledger = new DeliveryLedger(new Jdbc(dataSource));
        this.completions = new DeliveryCompletions(dataSource, connections, registry, context, clock, routes);
    }

    /**
     * Runs every route whose source is the connection of {@code ordersRun}, one after the other, and returns their
     * runs (linked to {@code ordersRun}). Does nothing for a products run. A route that fails is recorded as a
     * FAILED run and does not stop the others. When the connection is a route's target instead (a courier), the
     * deliveries it now reports delivered complete their shop orders first, for routes that ask it.
     */
    public List<RouteRun> afterOrdersSync(SyncRun ordersRun) {
        requireNonNull(ordersRun, "ordersRun is null");
        if (ordersRun.entity() != EntityType.ORDERS) {
            return List.of();
        }
        try {
            completions.afterTargetSync(ordersRun);
        } catch (RuntimeException e) { // the next sync of the target tries again; the routes below still run
            log.warn("connection {}: delivered orders could not be completed: {}", ordersRun.connectionId(),
                    e.getMessage());
        }
        List<RouteRun> done = new ArrayList<>();
        for (Route route : routes.from(ordersRun.connectionId())) {
            done.add(dispatch(route, ordersRun.id()));
        }
        return done;
    }

    /**
     * Runs every route whose source is {@code connectionId}, with no sync before them: for the connection holding a
     * store's orders sent in through the API, after an order came in (and now and then, for what a courier that was
     * down could not take).
     */
    public List<RouteRun> withoutSync(long connectionId) {
        List<RouteRun> done = new ArrayList<>();
        for (Route route : routes.from(connectionId)) {
            done.add(dispatch(route, null));
        }
        return done;
    }

    private RouteRun dispatch(Route route, Long syncRunId) {
        Instant now = clock.instant();
        runs.abandonStale(route.id(), now.minus(claim), now);
        long runId = runs.start(route.id(), syncRunId, now);
        Dispatch dispatch = new Dispatch(route, runId);
        ConnectionSettings targetSettings = null;
        String error = null;
        try {
            StoredConnection source = connections.find(route.sourceConnectionId());
            StoredConnection target = connections.find(route.targetConnectionId());
            if (!target.enabled()) {
                throw new RouteFailure("Connection " + target.id() + " (" + target.name() + ") is disabled; its "
                        + "orders wait until it is enabled.");
            }
            ShippableOrders shop = routes.shippable(source);
            if (shop == null) {
                throw new RouteFailure(registry.require(source.systemId()).displayName() + " orders cannot be handed "
                        + "to a courier.");
            }
            targetSettings = connections.settings(target.id());
            try (Connector connector = registry.require(target.systemId()).open(targetSettings, context)) {
                if (!(connector instanceof DeliveryTarget courier)) {
                    throw new RouteFailure("Connection " + target.id() + " (" + target.name() + ") does not accept "
                            + "deliveries.");
                }
                dispatch.run(source, shop, courier);
            }
        } catch (RouteFailure | ConnectorException e) {
            error = withoutSecrets(e.getMessage(), targetSettings);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error = withoutSecrets(message, targetSettings);
            log.debug("route {} failed", route.id(), e);
        }
        RouteRun.Outcome outcome = error == null ? RouteRun.Outcome.SUCCEEDED : RouteRun.Outcome.FAILED;
        runs.finish(runId, outcome, dispatch.posted, dispatch.reconciled, dispatch.refused, dispatch.waiting, error,
                clock.instant());
        RouteRun run = runs.find(runId);
        logRun(route, run);
        return run;
    }

    /** The work of one route run, with its counts. */
    private final class Dispatch {
        private final Route route;
        private final long runId;
        private StoredConnection source;
        private ShippableOrders shop;
        private DeliveryTarget courier;
        long posted;
        long reconciled;
        long refused;
        long waiting;

        Dispatch(Route route, long runId) {
            this.route = route;
            this.runId = runId;
        }

        void run(StoredConnection source, ShippableOrders shop, DeliveryTarget courier) {
            this.source = source;
            this.shop = shop;
            this.courier = courier;
            reconcile();
            String after = "";
            while (true) {
                List<DeliveryLedger.Candidate> batch = ledger.candidates(route, after, BATCH, MAX_REFUSALS);
                for (DeliveryLedger.Candidate order : batch) {
                    after = order.orderExternalId();
                    Instant now = clock.instant();
                    boolean claimed = order.state() == null
                            ? ledger.recordIntent(route, order, now, now.plus(claim))
                            : ledger.claimRefused(route.id(), order.orderExternalId(), order.refusedHash(), now,
                                    now.plus(claim));
                    if (claimed) {
                        post(order);
                    }
                }
                if (batch.size() < BATCH) {
                    return;
                }
            }
        }

        /** Settles the intents a crashed or failed run left: found in the target, posted again, or forgotten. */
        private void reconcile() {
            Instant now = clock.instant();
            Map<String, RouteDelivery> claimed = new LinkedHashMap<>();
            Instant oldest = now;
            for (RouteDelivery intent : ledger.intents(route.id())) {
                if (ledger.claimIntent(route.id(), intent.orderExternalId(), now, now.plus(claim))) {
                    claimed.put(intent.reference(), intent);
                    oldest = intent.createdAt().isBefore(oldest) ? intent.createdAt() : oldest;
                }
            }
            if (claimed.isEmpty()) {
                return;
            }
            Map<String, DeliveryReceipt> found;
            try {
                found = courier.findDeliveries(claimed.keySet(), oldest.minus(RECONCILE_MARGIN));
            } catch (RuntimeException e) {
                claimed.values().forEach(i -> ledger.release(route.id(), i.orderExternalId(), clock.instant()));
                waiting += claimed.size();
                throw e;
            }
            for (RouteDelivery intent : claimed.values()) {
                DeliveryReceipt receipt = found.get(intent.reference());
                if (receipt != null) {
                    ledger.posted(route.id(), intent.orderExternalId(), receipt, clock.instant());
                    reconciled++;
                    continue;
                }
                var order = ledger.stillQualifying(route, intent.orderExternalId());
                if (order.isPresent()) {
                    post(order.get());
                } else {
                    ledger.abandon(route.id(), intent.orderExternalId());
                }
            }
        }

        /** Posts one order whose INTENT this dispatcher holds. */
        private void post(DeliveryLedger.Candidate order) {
            Shipment shipment;
            try {
                shipment = shop.shipmentOf(order.rawJson());
            } catch (IllegalArgumentException e) {
                refuse(order, "Not sent: " + e.getMessage());
                return;
            }
            DeliveryWindows windows = DeliveryWindows.of(route, clock.instant());
            DeliveryRequest request = new DeliveryRequest(route.referenceFor(order.orderExternalId()),
                    order.orderNumber(), source.name(), shipment, windows.pickup(), windows.dropoff());
            DeliveryReceipt receipt;
            try {
                receipt = courier.createDelivery(request);
            } catch (DeliveryRefusedException e) {
                refuse(order, e.getMessage());
                return;
            } catch (RuntimeException e) {
                // posted or not, nobody knows: the intent stays, and the next run reconciles before posting again
                ledger.release(route.id(), order.orderExternalId(), clock.instant());
                waiting++;
                throw e;
            }
            hook.afterPost(route, order.orderExternalId(), receipt);
            ledger.posted(route.id(), order.orderExternalId(), receipt, clock.instant());
            posted++;
        }

        private void refuse(DeliveryLedger.Candidate order, String reason) {
            ledger.refused(route.id(), order.orderExternalId(), reason, order.contentHash(), clock.instant());
            runs.refusal(runId, order.orderExternalId(), order.orderNumber(), reason);
            refused++;
            log.warn("route {}: order {} of connection {} was not delivered: {}", route.id(), order.orderExternalId(),
                    route.sourceConnectionId(), reason);
        }
    }

    /** A route that cannot run, for a reason worth one sentence in its run. */
    private static final class RouteFailure extends RuntimeException {
        RouteFailure(String message) {
            super(message);
        }
    }

    private static String withoutSecrets(String message, ConnectionSettings settings) {
        String clean = message == null ? "The route failed." : message;
        if (settings != null) {
            for (Secret secret : settings.secrets().values()) {
                if (secret.occursIn(clean)) {
                    clean = clean.replace(secret.reveal(), Secret.mask());
                }
            }
        }
        return clean;
    }

    private static void logRun(Route route, RouteRun run) {
        String line = String.format("route %d (connection %d -> %d) %s: posted=%d reconciled=%d refused=%d waiting=%d",
                route.id(), route.sourceConnectionId(), route.targetConnectionId(), run.outcome(), run.posted(),
                run.reconciled(), run.refused(), run.waiting());
        if (run.outcome() == RouteRun.Outcome.SUCCEEDED) {
            log.info(line);
        } else {
            log.warn("{}: {}", line, run.error());
        }
    }
}
