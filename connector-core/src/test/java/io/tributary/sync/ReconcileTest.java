package io.tributary.sync;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.order;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.record.Deleted;
import io.tributary.record.RecordQueries;
import io.tributary.record.StoredProduct;
import io.tributary.run.SyncLeases;
import io.tributary.run.SyncRun;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.SourceRecord;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reconciliation pass: deletes at the source found by listing ids, marked softly, revived, counted. */
class ReconcileTest {
    private record Shop(long connectionId, ScriptedConnectorProvider.Source source) {}

    private static final class Fixture implements AutoCloseable {
        final CentralStore store;
        final ConnectionService connections;
        final SyncEngine engine;
        final RecordQueries records;
        final HttpStack http = HttpStack.create(HttpPolicy.defaults());

        Fixture(CentralStore store) {
            this.store = store;
            ConnectorRegistry registry = ConnectorRegistry.load();
            connections = new ConnectionService(store, registry, new SecretCipher(MasterKey.generate("test")),
                    Clock.systemUTC(), ConnectionAddedHook.NONE);
            engine = SyncEngine.builder(store, connections, registry, ConnectorContext.of(Clock.systemUTC(), http))
                    .build();
            records = new RecordQueries(store.dataSource());
        }

        Shop shop(String system, int products) {
            String host = "shop-" + UUID.randomUUID() + ".example";
            long id = connections.add(new ConnectionDraft(system, host, "https://" + host + "/", null,
                    Map.of(CredentialField.ACCESS_TOKEN, "tok_1234"))).id();
            ScriptedConnectorProvider.Source source = ScriptedConnectorProvider.source(host);
            for (int i = 1; i <= products; i++) {
                source.products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(i)));
            }
            return new Shop(id, source);
        }

        SyncRun sync(Shop shop, EntityType entity, boolean full) {
            return engine.run(new SyncRequest(shop.connectionId(), entity, SyncRun.Trigger.MANUAL, full),
                    SyncListener.NONE);
        }

        SyncRun reconcile(Shop shop, EntityType entity) {
            return engine.reconcile(new SyncRequest(shop.connectionId(), entity, SyncRun.Trigger.MANUAL, false));
        }

        /** Every stored product of the shop, deleted or not: external id → deleted (true) or there (false). */
        Map<String, Boolean> products(Shop shop) {
            Map<String, Boolean> products = new LinkedHashMap<>();
            List<StoredProduct> all = new ArrayList<>();
            records.forEachProduct(shop.connectionId(), null, Deleted.INCLUDE, null, all::add);
            all.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a.externalId()),
                    Integer.parseInt(b.externalId()))).forEach(p -> products.put(p.externalId(), p.deletedAt() != null));
            return products;
        }

        List<String> listed(Shop shop, Deleted deleted) {
            List<String> ids = new ArrayList<>();
            records.forEachProduct(shop.connectionId(), null, deleted, null, p -> ids.add(p.externalId()));
            return ids.stream().sorted().toList();
        }

        @Override
        public void close() {
            http.close();
        }
    }

    private static void removeFromSource(Shop shop, String... ids) {
        List<String> gone = List.of(ids);
        shop.source().products.removeIf(r -> gone.contains(r.externalId()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsGoneAtTheSourceAreMarkedDeletedAndCountedNeverRemoved(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 10);
            f.sync(shop, EntityType.PRODUCTS, false);
            removeFromSource(shop, "3", "7");

            SyncRun run = f.reconcile(shop, EntityType.PRODUCTS);

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.kind()).isEqualTo(SyncRun.Kind.RECONCILE);
            assertThat(run.readCount()).isEqualTo(8); // ids listed
            assertThat(run.deletedCount()).isEqualTo(2);
            assertThat(run.revivedCount()).isZero();
            assertThat(f.products(shop)).hasSize(10).containsEntry("3", true).containsEntry("7", true)
                    .containsEntry("1", false).containsEntry("10", false);
            assertThat(f.listed(shop, Deleted.EXCLUDE)).containsExactly("1", "10", "2", "4", "5", "6", "8", "9");
            assertThat(f.listed(shop, Deleted.ONLY)).containsExactly("3", "7");

            SyncRun again = f.reconcile(shop, EntityType.PRODUCTS);
            assertThat(again.deletedCount()).as("already marked: not counted twice").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRecordThatComesBackIsRevivedByTheNextPassOrByASyncThatReadsIt(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 5);
            f.sync(shop, EntityType.PRODUCTS, false);
            List<SourceRecord> removed = new ArrayList<>(shop.source().products.subList(1, 3)); // ids 2 and 3
            removeFromSource(shop, "2", "3");
            assertThat(f.reconcile(shop, EntityType.PRODUCTS).deletedCount()).isEqualTo(2);

            shop.source().products.add(removed.get(0)); // 2 comes back unchanged: only a listing sees it
            SyncRun revived = f.reconcile(shop, EntityType.PRODUCTS);
            assertThat(revived.revivedCount()).isEqualTo(1);
            assertThat(revived.deletedCount()).isZero();
            assertThat(f.products(shop)).containsEntry("2", false).containsEntry("3", true);

            // 3 comes back, edited (a product restored from the trash is saved): the sync that reads it revives it
            shop.source().products.add(product("3", "3.50", T0.plusSeconds(3600)));
            SyncRun sync = f.sync(shop, EntityType.PRODUCTS, false);
            assertThat(sync.updatedCount()).isEqualTo(1);
            assertThat(f.products(shop)).containsEntry("3", false);

            // unchanged content read again by a full sync revives too: a deleted row is never "unchanged"
            removeFromSource(shop, "4");
            f.reconcile(shop, EntityType.PRODUCTS);
            shop.source().products.add(product("4", "4.00", T0.plusSeconds(4)));
            SyncRun full = f.sync(shop, EntityType.PRODUCTS, true);
            assertThat(full.revivedCount()).as("the full read stored it again before its pass ran").isZero();
            assertThat(full.updatedCount()).isEqualTo(1);
            assertThat(f.products(shop)).doesNotContainValue(true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aListingThatFailsMidwayMarksNothing(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 10);
            f.sync(shop, EntityType.PRODUCTS, false);
            removeFromSource(shop, "9");
            shop.source().failIdsAtPage = 2; // pages of 3: 6 ids listed, then a failure

            SyncRun run = f.reconcile(shop, EntityType.PRODUCTS);

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(run.errorMessage()).contains("failed listing ids at page 2");
            assertThat(run.deletedCount()).isNull();
            assertThat(f.products(shop)).doesNotContainValue(true);

            shop.source().failIdsAtPage = -1;
            assertThat(f.reconcile(shop, EntityType.PRODUCTS).deletedCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void recordsOfOtherConnectionsAndOtherEntitiesAreLeftAlone(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 4);
            Shop other = f.shop("scripted", 4);
            shop.source().orders.add(order("1", "processing", T0));
            f.sync(shop, EntityType.PRODUCTS, false);
            f.sync(shop, EntityType.ORDERS, false);
            f.sync(other, EntityType.PRODUCTS, false);
            shop.source().products.clear();

            SyncRun run = f.reconcile(shop, EntityType.PRODUCTS);

            assertThat(run.deletedCount()).isEqualTo(4);
            assertThat(f.products(other)).doesNotContainValue(true);
            assertThat(f.records.orders(shop.connectionId(), null, 10)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFullSyncReadsThenReconcilesUnderOneRun(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 6);
            f.sync(shop, EntityType.PRODUCTS, false);
            removeFromSource(shop, "6");

            SyncRun incremental = f.sync(shop, EntityType.PRODUCTS, false);
            assertThat(incremental.deletedCount()).as("only a full sync looks for deletes").isNull();

            SyncRun full = f.sync(shop, EntityType.PRODUCTS, true);

            assertThat(full.kind()).isEqualTo(SyncRun.Kind.SYNC);
            assertThat(full.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(full.readCount()).isEqualTo(5);
            assertThat(full.deletedCount()).isEqualTo(1);
            assertThat(full.revivedCount()).isZero();
            assertThat(full.notes()).isEmpty();
            assertThat(f.products(shop)).containsEntry("6", true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFirstFullSyncListsNoIdsTheNextFullSyncDoes(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 7);
            java.util.concurrent.atomic.AtomicInteger idPages = new java.util.concurrent.atomic.AtomicInteger();
            shop.source().beforeIdPage = page -> idPages.incrementAndGet();

            SyncRun first = f.sync(shop, EntityType.PRODUCTS, true);

            assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(first.readCount()).isEqualTo(7);
            assertThat(idPages).as("nothing was stored before it: no stored record can be gone").hasValue(0);
            assertThat(first.notes()).isEmpty();
            assertThat(first.deletedCount()).isZero();
            assertThat(first.revivedCount()).isZero();

            removeFromSource(shop, "2");
            SyncRun second = f.sync(shop, EntityType.PRODUCTS, true);

            assertThat(idPages.get()).as("records were stored before it: their ids are listed").isPositive();
            assertThat(second.deletedCount()).isEqualTo(1);
            assertThat(f.products(shop)).containsEntry("2", true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aReconcileWaitsForNoSyncItTakesTheSameLease(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted", 3);
            SyncLeases other = new SyncLeases(database.store(), Clock.systemUTC(), Duration.ofSeconds(60),
                    "another@host:1");
            var held = other.acquire(shop.connectionId(), EntityType.PRODUCTS);
            try {
                assertThatThrownBy(() -> f.reconcile(shop, EntityType.PRODUCTS))
                        .isInstanceOf(io.tributary.run.SyncInProgressException.class);
            } finally {
                other.release(held);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aSystemThatCannotListIdsIsRefusedAndAFullSyncSaysDeletesWereNotLookedFor(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend); Fixture f = new Fixture(database.store())) {
            Shop shop = f.shop("scripted-unlisted", 2);

            assertThatThrownBy(() -> f.reconcile(shop, EntityType.PRODUCTS))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Scripted unlisted connections cannot list the ids of their products, so deletes "
                            + "there are not found.");
            SyncRun full = f.sync(shop, EntityType.PRODUCTS, true);
            assertThat(full.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(full.deletedCount()).isNull();
            assertThat(full.notes()).containsExactly("Deletes at the source were not looked for: Scripted unlisted "
                    + "connections cannot list the ids of their products, so deletes there are not found.");
        }
    }
}
