package io.tributary.testing;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.record.RecordQueries;
import io.tributary.record.StoredOrder;
import io.tributary.record.StoredProduct;
import io.tributary.run.SyncCursors;
import io.tributary.run.SyncRun;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For connector modules' sync tests: a central store (H2 or MariaDB), the sync engine wired as the daemon wires
 * it, and connections of one system to fake shops.
 */
public class EngineFixture implements AutoCloseable {
    public final TestDatabase database;
    public final CentralStore store;
    public final HttpStack http;
    public final ConnectionService connections;
    public final SyncEngine engine;
    /** The same engine storing each page in a transaction of its own (what a page says, page by page). */
    private final SyncEngine pageByPage;
    public final SyncCursors cursors;
    public final RecordQueries records;
    private final String systemId;

    /** Fast retries and no rate limit: the shops under test are local fakes. */
    public EngineFixture(TestDatabase.Backend backend, String systemId) {
        this(backend, systemId, HttpPolicy.builder().requestsPerSecond(1000).initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofMillis(200)).build());
    }

    public EngineFixture(TestDatabase.Backend backend, String systemId, HttpPolicy policy) {
        this.systemId = systemId;
        database = TestDatabase.create(backend);
        store = database.store();
        http = HttpStack.create(policy);
        Clock clock = Clock.systemUTC();
        ConnectorRegistry registry = ConnectorRegistry.load();
        connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("test")), clock,
                ConnectionAddedHook.NONE);
        cursors = new SyncCursors(store.dataSource());
        records = new RecordQueries(store.dataSource());
        engine = SyncEngine.builder(store, connections, registry, ConnectorContext.of(clock, http)).clock(clock)
                .lookback(Duration.ofMinutes(5)).build();
        pageByPage = SyncEngine.builder(store, connections, registry, ConnectorContext.of(clock, http)).clock(clock)
                .lookback(Duration.ofMinutes(5)).writeGroupRecords(1).build();
    }

    /** Saves a connection with these settings' URL and credentials; returns its id. */
    public long connect(ConnectionSettings settings) {
        Map<String, String> credentials = new LinkedHashMap<>(settings.options());
        settings.secrets().forEach((k, v) -> credentials.put(k, v.reveal()));
        return connections.add(new ConnectionDraft(systemId, systemId + " " + System.nanoTime(),
                settings.apiUrl().toString(), null, credentials)).id();
    }

    public SyncRun sync(long connection, EntityType entity) {
        return engine.run(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, false), SyncListener.NONE);
    }

    /**
     * A sync (full when {@code full}) that writes down what the engine's listener hears of each page's progress:
     * {@code done/total}, or {@code ?} for a page that tells none. Each page is its own write here, as the engine
     * stores them when the shop is slower than the database.
     */
    public java.util.List<String> progressOfSync(long connection, EntityType entity, boolean full) {
        java.util.List<String> heard = new java.util.ArrayList<>();
        pageByPage.run(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, full), new SyncListener() {
            @Override
            public void pageStored(io.tributary.run.PageCounts totals, io.tributary.spi.SyncCursor cursor,
                    java.util.Optional<io.tributary.spi.ReadProgress> progress) {
                heard.add(progress.map(p -> p.done() + "/" + p.total()).orElse("?"));
            }
        });
        return heard;
    }

    public SyncRun fullSync(long connection, EntityType entity) {
        return engine.run(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, true), SyncListener.NONE);
    }

    /** A reconciliation pass of the (connection, entity): deletes at the source marked, comebacks revived. */
    public SyncRun reconcile(long connection, EntityType entity) {
        return engine.reconcile(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, false));
    }

    /** The external ids of the stored records of the (connection, entity) marked deleted, sorted as text. */
    public java.util.SortedSet<String> deletedIds(long connection, EntityType entity) {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        if (entity == EntityType.PRODUCTS) {
            records.forEachProduct(connection, null, io.tributary.record.Deleted.ONLY, null,
                    p -> ids.add(p.externalId()));
        } else {
            records.forEachOrder(connection, null, io.tributary.record.Deleted.ONLY, null,
                    o -> ids.add(o.externalId()));
        }
        return ids;
    }

    /** Stored product prices by external id ("" for none), as the CLI would print them. */
    public Map<String, String> storedPrices(long connection) {
        Map<String, String> prices = new LinkedHashMap<>();
        for (StoredProduct p : records.products(connection, null, 10_000)) {
            prices.put(p.externalId(), p.price() == null ? "" : p.price().toPlainString());
        }
        return prices;
    }

    public Map<String, StoredOrder> storedOrders(long connection) {
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        for (StoredOrder o : records.orders(connection, null, 10_000)) {
            orders.put(o.externalId(), o);
        }
        return orders;
    }

    public List<StoredProduct> products(long connection) {
        return records.products(connection, null, 10_000);
    }

    @Override
    public void close() {
        http.close();
        database.close();
    }
}
