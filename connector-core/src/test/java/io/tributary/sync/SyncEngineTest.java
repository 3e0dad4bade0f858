package io.tributary.sync;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.ConnectionAddedHook;
import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.run.SyncCursors;
import io.tributary.run.SyncRun;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.testing.LogCapture;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncEngineTest {
    private static final String TOKEN = "tok_5ecret_4242";

    private record Fixture(SyncEngine engine, ConnectionService connections, SyncCursors cursors, long connectionId,
            ScriptedConnectorProvider.Source source, HttpStack http) implements AutoCloseable {
        @Override
        public void close() {
            http.close();
        }
    }

    private static Fixture fixture(CentralStore store, String system) {
        String host = "shop-" + UUID.randomUUID() + ".example";
        ConnectorRegistry registry = ConnectorRegistry.load();
        ConnectionService connections = new ConnectionService(store, registry,
                new SecretCipher(MasterKey.generate("test")), Clock.systemUTC(), ConnectionAddedHook.NONE);
        long id = connections.add(new ConnectionDraft(system, "shop", "https://" + host + "/", null,
                Map.of(CredentialField.ACCESS_TOKEN, TOKEN))).id();
        HttpStack http = HttpStack.create(HttpPolicy.defaults());
        SyncCursors cursors = new SyncCursors(store.dataSource());
        SyncEngine engine = SyncEngine.builder(store, connections, registry,
                ConnectorContext.of(Clock.systemUTC(), http)).lookback(Duration.ofMinutes(5)).build();
        return new Fixture(engine, connections, cursors, id, ScriptedConnectorProvider.source(host), http);
    }

    private static SyncRequest products(long id, boolean full) {
        return new SyncRequest(id, EntityType.PRODUCTS, SyncRun.Trigger.MANUAL, full);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void syncsEverythingThenOnlyWhatChangedSinceTheCursorMinusTheLookback(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 10; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(3600L * i)));
            }
            SyncRun first = f.engine().run(products(f.connectionId(), false), SyncListener.NONE);

            assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(first.readCount()).isEqualTo(10);
            assertThat(first.insertedCount()).isEqualTo(10);
            assertThat(first.finishedAt()).isNotNull();
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(36000), "10"));

            f.source().products.set(2, product("3", "3.50", T0.plusSeconds(40000)));
            SyncRun second = f.engine().run(products(f.connectionId(), false), SyncListener.NONE);

            assertThat(f.source().readsFrom.get(1)).isEqualTo(SyncCursor.of(T0.plusSeconds(36000 - 300), null));
            assertThat(second.readCount()).as("record 10 again (lookback) and the edited record 3").isEqualTo(2);
            assertThat(second.updatedCount()).isEqualTo(1);
            assertThat(second.unchangedCount()).isEqualTo(1);
            assertThat(second.insertedCount()).isZero();
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(40000), "3"));

            SyncRun full = f.engine().run(products(f.connectionId(), true), SyncListener.NONE);
            assertThat(f.source().readsFrom.get(2)).isEqualTo(SyncCursor.START);
            assertThat(full.readCount()).isEqualTo(10);
            assertThat(full.unchangedCount()).isEqualTo(10);
            assertThat(full.fullRead()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFailureKeepsWhatWasCommittedAndTheNextRunResumes(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted");
                LogCapture log = LogCapture.begin()) {
            for (int i = 1; i <= 10; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(3600L * i)));
            }
            f.source().failAtPage = 2;
            SyncRun failed = f.engine().run(products(f.connectionId(), false), SyncListener.NONE);

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).isEqualTo("The scripted source failed at page 2 (token ****).");
            assertThat(failed.insertedCount()).isEqualTo(6);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isEqualTo(6);
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(6 * 3600), "6"));
            assertThat(log.text()).contains("sync connection " + f.connectionId() + " (shop) products manual FAILED")
                    .doesNotContain(TOKEN);

            f.source().failAtPage = -1;
            SyncRun resumed = f.engine().run(products(f.connectionId(), false), SyncListener.NONE);
            assertThat(resumed.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(resumed.insertedCount()).isEqualTo(4);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isEqualTo(10);
            assertThat(f.engine().run(products(f.connectionId(), false), SyncListener.NONE).insertedCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void readsTheNextPageWhileStoringOneAndCommitsEachCursorOnlyWithItsPage(TestDatabase.Backend backend)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 9; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            java.util.Set<Integer> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.CountDownLatch lastPage = new java.util.concurrent.CountDownLatch(1);
            f.source().beforePage = page -> {
                asked.add(page);
                if (page == 2) {
                    await(lastPage); // the last page is slow to come
                }
            };
            java.util.List<Integer> askedWhenStored = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CompletableFuture<SyncRun> running = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> f.engine().run(products(f.connectionId(), false), new SyncListener() {
                        @Override
                        public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor) {
                            if (totals.read() == 3) {
                                // page 1 is asked for while page 0 is being stored, not after
                                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                                        .until(() -> asked.contains(1));
                                askedWhenStored.add(1);
                            }
                        }
                    }));

            // page 2 is in flight: what is committed is pages 0 and 1 with page 1's cursor, nothing of page 2
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.contains(2)
                    && SyncCursor.of(T0.plusSeconds(360), "6").equals(f.cursors().load(f.connectionId(),
                            EntityType.PRODUCTS)));
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isEqualTo(6);
            lastPage.countDown();
            SyncRun run = running.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(askedWhenStored).containsExactly(1);
            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.insertedCount()).isEqualTo(9);
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(540), "9"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFailureReadingAheadComesAfterThePageBeingStoredIsCommitted(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 9; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            f.source().failAtPage = 1;
            java.util.Set<Integer> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
            f.source().beforePage = asked::add;
            SyncRun failed = f.engine().run(products(f.connectionId(), false), new SyncListener() {
                @Override
                public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor) {
                    // the reader failed on page 1 before page 0's write was over: page 0 stays committed
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.contains(1));
                }
            });

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).startsWith("The scripted source failed at page 1");
            assertThat(failed.insertedCount()).isEqualTo(3);
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isEqualTo(3);
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(180), "3"));
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aStopRequestEndsTheRunAtAPageBoundaryWithItsCursorCommitted(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 9; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            SyncRun stopped = f.engine().run(products(f.connectionId(), false), new SyncListener() {
                @Override
                public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor) {
                    f.engine().requestStop();
                }
            });

            assertThat(stopped.outcome()).isEqualTo(SyncRun.Outcome.STOPPED);
            assertThat(stopped.errorMessage()).startsWith("Stopped at a page boundary");
            assertThat(stopped.insertedCount()).isEqualTo(3);
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS)).isEqualTo(SyncCursor.of(T0.plusSeconds(180), "3"));
            assertThatThrownBy(() -> f.engine().run(products(f.connectionId(), false), SyncListener.NONE))
                    .isInstanceOf(EngineStoppingException.class)
                    .hasMessage("Tributary is stopping; no new sync starts.");
            assertThat(f.connections().show(f.connectionId()).failing()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aSyncAnotherProcessIsRunningIsRefusedAndFailuresInARowFlagTheConnection(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            f.source().products.add(product("1", "1.00", T0));
            io.tributary.run.SyncLeases otherProcess = new io.tributary.run.SyncLeases(
                    database.store().dataSource(), Clock.systemUTC(), Duration.ofMinutes(1), "daemon n2@other:7");
            io.tributary.run.SyncLease held = otherProcess.acquire(f.connectionId(), EntityType.PRODUCTS);

            assertThatThrownBy(() -> f.engine().run(products(f.connectionId(), false), SyncListener.NONE))
                    .isInstanceOf(io.tributary.run.SyncInProgressException.class)
                    .hasMessageContaining("are being synced already (daemon n2@other:7, since");
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM sync_run")).isZero();
            otherProcess.release(held);

            f.source().failAtPage = 0;
            for (int i = 0; i < 3; i++) {
                assertThat(f.engine().run(products(f.connectionId(), false), SyncListener.NONE).outcome())
                        .isEqualTo(SyncRun.Outcome.FAILED);
            }
            io.tributary.connection.ConnectionView failing = f.connections().show(f.connectionId());
            assertThat(failing.failing()).isTrue();
            assertThat(failing.lastError()).isEqualTo("The scripted source failed at page 0 (token ****).");
            f.source().failAtPage = -1;
            assertThat(f.engine().run(products(f.connectionId(), false), SyncListener.NONE).outcome())
                    .isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.connections().show(f.connectionId()).failing()).isFalse();
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM sync_lease")).as("released").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void refusesDisabledConnectionsAndUnsupportedEntitiesWithoutARun(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted-products")) {
            assertThatThrownBy(() -> f.engine().run(new SyncRequest(f.connectionId(), EntityType.ORDERS,
                    SyncRun.Trigger.MANUAL, false), SyncListener.NONE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Scripted products connections do not provide orders.");
            f.connections().setEnabled(f.connectionId(), false);
            assertThatThrownBy(() -> f.engine().run(products(f.connectionId(), false), SyncListener.NONE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Connection " + f.connectionId() + " (shop) is disabled; enable it before syncing.");
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM sync_run")).isZero();
        }
    }
}
