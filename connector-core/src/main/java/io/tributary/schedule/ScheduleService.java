package io.tributary.schedule;

import static java.util.Objects.requireNonNull;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoredConnection;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.EntityType;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.Session;

/**
 * Reads and changes sync schedules. New connections get {@link ScheduleDefaults} (inactive) for every entity
 * their system provides, and a reconcile schedule for every one whose ids it can list; schedules for entities a
 * system does not provide are refused.
 */
public final class ScheduleService {
    private final CentralStore store;
    private final ConnectorRegistry registry;
    private final Clock clock;
    private final ZoneId defaultZone;

    public ScheduleService(CentralStore store, ConnectorRegistry registry, Clock clock, ZoneId defaultZone) {
        this.store = requireNonNull(store, "store is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
    }

    /** Gives each new connection the default schedules ({@link ScheduleDefaults}, inactive) in {@code zone}. */
    public static ConnectionAddedHook defaults(ZoneId zone, Clock clock) {
        return (session, connection, provider) -> createDefaults(session, connection, provider, zone, clock);
    }

    private static void createDefaults(Session session, StoredConnection connection, ConnectorProvider provider, ZoneId zone,
            Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (EntityType entity : EntityType.values()) {
            if (provider.supportedEntities().contains(entity)) {
                session.persist(new SyncSchedule(connection.id(), entity, ScheduleKind.SYNC,
                        ScheduleDefaults.forConnection(connection.id(), entity, zone, today), clock.instant()));
                if (provider.listableEntities().contains(entity)) {
                    session.persist(new SyncSchedule(connection.id(), entity, ScheduleKind.RECONCILE,
                            ScheduleDefaults.reconcileForConnection(connection.id(), entity, zone, today),
                            clock.instant()));
                }
            }
        }
    }

    /** Schedules in (connection, entity) order, of one connection or all. */
    public List<ScheduleView> list(Long connectionId) {
        return store.inTransaction(session -> {
            String hql = "select s, c.enabled from SyncSchedule s, StoredConnection c where c.id = s.key.connectionId"
                    + (connectionId == null ? "" : " and c.id = :connection")
                    + " order by s.key.connectionId, s.key.entity, s.key.kind";
            var query = session.createSelectionQuery(hql, Object[].class);
            if (connectionId != null) {
                query.setParameter("connection", connectionId);
            }
            return query.getResultList().stream().map(row -> view((SyncSchedule) row[0], (Boolean) row[1]))
                    .sorted(java.util.Comparator.comparingLong(ScheduleView::connectionId)
                            .thenComparing(ScheduleView::entity).thenComparing(ScheduleView::kind))
                    .toList();
        });
    }

    /**
     * Changes the schedule of (connection, entity), creating it from the defaults first if it does not exist.
     *
     * @throws NotFoundException     for an unknown connection
     * @throws InvalidInputException when the connection's system does not provide the entity, or the result is
     *                               not a valid schedule
     */
    public ScheduleView set(long connectionId, EntityType entity, ScheduleChange change) {
        return set(connectionId, entity, ScheduleKind.SYNC, change);
    }

    /**
     * As {@link #set(long, EntityType, ScheduleChange)}, for the schedule of {@code kind}; a RECONCILE schedule
     * (created from its weekly default when missing, as for connections made before it existed) is refused for an
     * entity whose ids the system cannot list.
     */
    public ScheduleView set(long connectionId, EntityType entity, ScheduleKind kind, ScheduleChange change) {
        return store.inTransaction(session -> {
            StoredConnection connection = session.find(StoredConnection.class, connectionId);
            if (connection == null || connection.removedAt() != null) {
                throw new NotFoundException("There is no connection with id " + connectionId + ".");
            }
            ConnectorProvider provider = registry.require(connection.systemId());
            if (!provider.supportedEntities().contains(entity)) {
                throw new InvalidInputException("entity",
                        new UnsupportedEntityException(provider.displayName(), entity).getMessage()
                                + " No schedule is kept for them.");
            }
            if (kind == ScheduleKind.RECONCILE && !provider.listableEntities().contains(entity)) {
                throw new InvalidInputException("entity", provider.whyNotListable(entity)
                        + " No reconcile schedule is kept for them.");
            }
            SyncSchedule schedule = session.find(SyncSchedule.class, new SyncSchedule.Key(connectionId, entity, kind));
            ScheduleSpec current = schedule != null ? schedule.spec() : ScheduleDefaults.forConnection(connectionId,
                    entity, kind, defaultZone, LocalDate.now(clock.withZone(defaultZone)));
            ScheduleSpec next;
            try {
                next = change.applyTo(current);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("schedule", e.getMessage());
            }
            if (schedule == null) {
                schedule = new SyncSchedule(connectionId, entity, kind, next, clock.instant());
                session.persist(schedule);
            } else {
                schedule.apply(next, clock.instant());
            }
            session.flush();
            return view(schedule, connection.enabled());
        });
    }

    private static ScheduleView view(SyncSchedule schedule, boolean connectionEnabled) {
        return new ScheduleView(schedule.connectionId(), schedule.entity(), schedule.kind(), schedule.spec(),
                connectionEnabled,
                schedule.version());
    }
}
