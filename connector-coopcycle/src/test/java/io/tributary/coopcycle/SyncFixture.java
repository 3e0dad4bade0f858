package io.tributary.coopcycle;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorRegistry;
import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.store.ConnectionDraft;
import io.tributary.store.ConnectionService;
import io.tributary.store.RecordQueries;
import io.tributary.store.RecordWriter;
import io.tributary.store.StoredOrder;
import io.tributary.store.SyncCursors;
import io.tributary.store.SyncRun;
import io.tributary.store.SyncRuns;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A central store (H2 or MariaDB), the sync engine wired as the daemon wires it, and connections to fakes. */
final class SyncFixture implements AutoCloseable {
    final TestDatabase database;
    final CentralStore store;
    final HttpStack http;
    final ConnectionService connections;
    final SyncEngine engine;
    final SyncCursors cursors;
    final RecordQueries records;

    SyncFixture(TestDatabase.Backend backend) {
        database = TestDatabase.create(backend);
        store = database.store();
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100)).maxAttempts(3).build());
        Clock clock = Clock.systemUTC();
        ConnectorRegistry registry = ConnectorRegistry.load();
        connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("test")), clock);
        cursors = new SyncCursors(store.dataSource());
        records = new RecordQueries(store.dataSource());
        engine = new SyncEngine(connections, registry, new ConnectorContext(http, clock), new SyncRuns(store, clock),
                cursors, new RecordWriter(store.dataSource(), clock), Duration.ofMinutes(5));
    }

    long connect(ConnectionSettings settings) {
        Map<String, String> credentials = new LinkedHashMap<>(settings.options());
        settings.secrets().forEach((k, v) -> credentials.put(k, v.reveal()));
        return connections.add(new ConnectionDraft("coopcycle", "coopcycle " + System.nanoTime(),
                settings.apiUrl().toString(), null, credentials)).id();
    }

    SyncRun sync(long connection, EntityType entity) {
        return engine.run(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, false), SyncListener.NONE);
    }

    SyncRun fullSync(long connection) {
        return engine.run(new SyncRequest(connection, EntityType.ORDERS, SyncRun.Trigger.MANUAL, true),
                SyncListener.NONE);
    }

    Map<String, StoredOrder> storedOrders(long connection) {
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        for (StoredOrder o : records.orders(connection, null, 10_000)) {
            orders.put(o.externalId(), o);
        }
        return orders;
    }

    @Override
    public void close() {
        http.close();
        database.close();
    }
}
