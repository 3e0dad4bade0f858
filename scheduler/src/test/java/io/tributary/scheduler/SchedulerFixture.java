package io.tributary.scheduler;

import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.core.CoreModule;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.run.SyncLeases;
import io.tributary.schedule.ScheduleService;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.store.CentralStore;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncService;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** A test store with the engine, schedules and a scheduler wired as the daemon wires them. */
final class SchedulerFixture implements AutoCloseable {
    final TestDatabase database;
    final CentralStore store;
    final ConnectionService connections;
    final ScheduleService schedules;
    final SyncEngine engine;
    final HttpStack http = HttpStack.create(HttpPolicy.defaults());
    final TributaryScheduler scheduler;
    final ScheduleReconciler reconciler;
    final io.tributary.route.RouteService routes;
    /** What the scheduler's {@link FiringHook} heard: each firing's entity and lag. */
    final java.util.List<java.util.Map.Entry<io.tributary.spi.EntityType, Duration>> firings =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    SchedulerFixture(TestDatabase.Backend backend) {
        database = TestDatabase.create(backend);
        store = database.store(CoreModule.STORE, SchedulerModule.STORE);
        Clock clock = Clock.systemUTC();
        ConnectorRegistry registry = ConnectorRegistry.load();
        connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("t")), clock,
                ScheduleService.defaults(ZoneId.of("Europe/Stockholm"), clock));
        schedules = new ScheduleService(store, registry, clock, ZoneId.of("Europe/Stockholm"));
        engine = SyncEngine.builder(store, connections, registry, ConnectorContext.of(clock, http)).clock(clock)
                .leases(new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), "daemon test@here:1"))
                .build();
        ConnectorContext context = ConnectorContext.of(clock, http);
        routes = new io.tributary.route.RouteService(store.dataSource(), connections, registry, context, clock);
        SyncService syncs = new SyncService(engine, new io.tributary.route.RouteDispatcher(store.dataSource(),
                connections, registry, context, clock));
        scheduler = TributaryScheduler.create(store, new ScheduledSyncs(syncs, Duration.ofSeconds(40)),
                SchedulerOptions.defaults(), (entity, lag) -> firings.add(Map.entry(entity, lag)));
        reconciler = new ScheduleReconciler(scheduler.quartz(), schedules);
    }

    /** A scripted connection whose source is returned, with fresh in-memory records. */
    long connection(String name, ScriptedConnectorProvider.Source[] source) {
        return connection("scripted", name, source);
    }

    /** A connection of one of the scripted systems ({@code scripted}, {@code scripted-shop}, ...). */
    long connection(String system, String name, ScriptedConnectorProvider.Source[] source) {
        String host = name + "-" + UUID.randomUUID() + ".example";
        source[0] = ScriptedConnectorProvider.source(host);
        return connections.add(new ConnectionDraft(system, name, "https://" + host + "/", null,
                Map.of(CredentialField.ACCESS_TOKEN, "token-1234"))).id();
    }

    @Override
    public void close() {
        reconciler.close();
        scheduler.shutdown(true);
        http.close();
        database.close();
    }
}
