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
        return fixture(store, system, PageReadAhead.GROUP_RECORDS);
    }

    /** As {@link #fixture(CentralStore, String)}, with at most {@code groupRecords} records stored per write. */
    private static Fixture fixture(CentralStore store, String system, int groupRecords) {
        String host = "shop-" + UUID.randomUUID() + ".example";
        ConnectorRegistry registry = ConnectorRegistry.load();
        ConnectionService connections = new ConnectionService(store, registry,
                new SecretCipher(MasterKey.generate("test")), Clock.systemUTC(), ConnectionAddedHook.NONE);
        long id = connections.add(new ConnectionDraft(system, "shop", "https://" + host + "/", null,
                Map.of(CredentialField.ACCESS_TOKEN, TOKEN))).id();
        HttpStack http = HttpStack.create(HttpPolicy.defaults());
        SyncCursors cursors = new SyncCursors(store.dataSource());
        SyncEngine engine = SyncEngine.builder(store, connections, registry,
                ConnectorContext.of(Clock.systemUTC(), http)).lookback(Duration.ofMinutes(5))
                .writeGroupRecords(groupRecords).build();
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
    void aReadNotReadyBeforeItsFirstPageWaitsWithoutFailingAndAfterAPageFails(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 7; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(3600L * i)));
            }
            java.util.concurrent.atomic.AtomicInteger notReadyAt = new java.util.concurrent.atomic.AtomicInteger(0);
            f.source().beforePage = page -> {
                if (page == notReadyAt.get()) {
                    throw new io.tributary.spi.ReadNotReadyException(Duration.ofSeconds(90), "The export for "
                            + TOKEN + " is being prepared.", "export-1");
                }
            };

            SyncRun waiting = f.engine().run(products(f.connectionId(), true), SyncListener.NONE);

            assertThat(waiting.outcome()).isEqualTo(SyncRun.Outcome.WAITING);
            assertThat(waiting.errorMessage()).isNull();
            assertThat(waiting.retryAt()).as("90 s on, up to the whole second").isBetween(
                    waiting.finishedAt().plusSeconds(89), waiting.finishedAt().plusSeconds(91));
            assertThat(waiting.retryAt().getNano()).isZero();
            assertThat(waiting.resumeWith()).isEqualTo("export-1");
            assertThat(waiting.readBeganAt()).isEqualTo(waiting.startedAt());
            assertThat(waiting.notes()).containsExactly("Waiting: The export for **** is being prepared. Nothing was "
                    + "stored; the read looks again at " + waiting.retryAt() + ".");
            assertThat(TestRows.count(database.store(), "SELECT consecutive_failures FROM connection")).isZero();

            notReadyAt.set(1); // a connector that breaks the rule: not ready after it handed a page over
            SyncRun broken = f.engine().run(products(f.connectionId(), true), SyncListener.NONE);

            assertThat(broken.readBeganAt()).as("it continued the waiting read").isEqualTo(waiting.startedAt());
            assertThat(f.source().readsFrom).as("a connector without continueRead reads anew")
                    .containsExactly(SyncCursor.START, SyncCursor.START);
            assertThat(broken.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(broken.errorMessage()).isEqualTo("The connector said its read was not ready after it had "
                    + "returned pages (The export for **** is being prepared.); the next run reads again from the "
                    + "committed cursor.");
            assertThat(broken.insertedCount()).isEqualTo(3);

            notReadyAt.set(-1);
            SyncRun next = f.engine().run(products(f.connectionId(), true), SyncListener.NONE);
            assertThat(next.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(next.readBeganAt()).as("a read after a failed one begins anew").isEqualTo(next.startedAt());
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM product")).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theListenerHearsHowFarTheReadHasComeAfterEachWriteAndTheClosedRunOnce(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted", 1)) {
            for (int i = 1; i <= 7; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            java.util.List<String> heard = new java.util.ArrayList<>();
            SyncRun run = f.engine().run(products(f.connectionId(), false), new SyncListener() {
                @Override
                public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor,
                        java.util.Optional<io.tributary.spi.ReadProgress> progress) {
                    heard.add(totals.read() + ":" + progress.map(p -> p.done() + "/" + p.total()).orElse("?"));
                }

                @Override
                public void finished(SyncRun closed) {
                    heard.add("finished " + closed.outcome());
                }
            });

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(heard).containsExactly("3:3/7", "6:6/7", "7:7/7", "finished SUCCEEDED");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void pagesAlreadyReadWhenAWriteBeginsAreStoredInItsTransaction(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted")) {
            for (int i = 1; i <= 7; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            f.source().beforePage = page -> calls.incrementAndGet();
            java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            SyncRun run = f.engine().run(products(f.connectionId(), false), new SyncListener() {
                @Override
                public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor,
                        java.util.Optional<io.tributary.spi.ReadProgress> progress) {
                    heard.add(totals.read() + ":" + cursor.lastId());
                    // the reader asks for the end (its 4th call) only once pages 2 and 3 wait for the writer
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 4);
                }
            });

            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.insertedCount()).isEqualTo(7);
            assertThat(heard).as("3 pages, in 2 writes at most: what waited was stored together")
                    .hasSizeLessThanOrEqualTo(2).last().isEqualTo("7:7");
            assertThat(f.cursors().load(f.connectionId(), EntityType.PRODUCTS))
                    .isEqualTo(SyncCursor.of(T0.plusSeconds(420), "7"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aStopRequestEndsTheRunAtAPageBoundaryWithItsCursorCommitted(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend);
                Fixture f = fixture(database.store(), "scripted", 1)) {
            for (int i = 1; i <= 9; i++) {
                f.source().products.add(product(String.valueOf(i), i + ".00", T0.plusSeconds(60L * i)));
            }
            SyncRun stopped = f.engine().run(products(f.connectionId(), false), new SyncListener() {
                @Override
                public void pageStored(io.tributary.run.PageCounts totals, SyncCursor cursor,
                        java.util.Optional<io.tributary.spi.ReadProgress> progress) {
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
