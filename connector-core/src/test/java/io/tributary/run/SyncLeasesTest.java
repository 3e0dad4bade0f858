package io.tributary.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.spi.EntityType;
import io.tributary.spi.RecordPage;
import io.tributary.spi.SyncCursor;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreException;
import io.tributary.testing.Records;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncLeasesTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void oneHolderAtATimeUntilTheLeaseExpiresThenTheRunIsAbandoned(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            MutableClock clock = MutableClock.startingAt(T);
            SyncLeases nodeA = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), "daemon a@host1:1");
            SyncLeases nodeB = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), "cli@host2:2");
            SyncLease held = nodeA.acquire(connection, EntityType.PRODUCTS);
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            nodeA.attach(held, run);

            assertThatThrownBy(() -> nodeB.acquire(connection, EntityType.PRODUCTS))
                    .isInstanceOf(SyncInProgressException.class)
                    .hasMessage("Products of connection " + connection + " are being synced already by run " + run
                            + " (daemon a@host1:1, since 2026-01-01T10:00:00Z); this sync was not started. Try again "
                            + "when that one has finished (its lease runs until 2026-01-01T10:00:30Z unless it "
                            + "renews it).");
            SyncLease orders = nodeB.acquire(connection, EntityType.ORDERS);
            assertThat(orders.owner()).isEqualTo("cli@host2:2");

            clock.advance(Duration.ofSeconds(20));
            assertThat(nodeA.renew(held)).isTrue();
            clock.advance(Duration.ofSeconds(20));
            assertThatThrownBy(() -> nodeB.acquire(connection, EntityType.PRODUCTS))
                    .as("renewed, so still held").isInstanceOf(SyncInProgressException.class);

            clock.advance(Duration.ofSeconds(31));
            SyncLease takenOver = nodeB.acquire(connection, EntityType.PRODUCTS);
            assertThat(TestRows.string(store, "SELECT outcome FROM sync_run WHERE id = " + run)).isEqualTo("ABANDONED");
            assertThat(TestRows.string(store, "SELECT error_message FROM sync_run WHERE id = " + run))
                    .contains("stopped without finishing");
            assertThat(nodeA.renew(held)).as("the old holder lost it").isFalse();

            RecordWriter writer = new RecordWriter(store.dataSource(), clock);
            SyncCursor cursor = SyncCursor.of(Records.T0, "1");
            RecordPage page = new RecordPage(List.of(Records.product("1", "1.00", Records.T0)), cursor);
            assertThatThrownBy(() -> writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page, cursor,
                    PageCounts.ZERO), nodeA, held)).isInstanceOf(LeaseLostException.class);
            assertThat(TestRows.count(store,
                    "SELECT COUNT(*) FROM product")).as("the fenced page wrote nothing").isZero();
            assertThat(new SyncCursors(store.dataSource()).load(connection,
                    EntityType.PRODUCTS)).isEqualTo(SyncCursor.START);
            writer.write(new PageWrite(connection, EntityType.PRODUCTS, run, page, cursor, PageCounts.ZERO), nodeB,
                    takenOver);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM product")).isEqualTo(1);

            nodeB.release(takenOver);
            nodeA.acquire(connection, EntityType.PRODUCTS);
        }
    }

    /** A holder on this host whose process is gone is taken over at once; a live one is still refused. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aDeadLocalHolderIsTakenOverAtOnceALiveOneIsNot(TestDatabase.Backend backend) throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            MutableClock clock = MutableClock.startingAt(T);
            String host = ProcessName.of("x").replaceFirst("^x@", "").replaceFirst(":\\d+$", "");
            SyncLeases dead = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30),
                    "cli@" + host + ":" + exited.pid());
            SyncLeases alive = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), ProcessName.of("cli"));
            SyncLeases next = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), "cli@elsewhere:1");

            SyncLease orphaned = dead.acquire(connection, EntityType.PRODUCTS);
            long run = TestRows.run(store, connection, EntityType.PRODUCTS);
            dead.attach(orphaned, run);
            SyncLease takenOver = next.acquire(connection, EntityType.PRODUCTS);
            assertThat(takenOver.owner()).isEqualTo("cli@elsewhere:1");
            assertThat(TestRows.string(store, "SELECT outcome FROM sync_run WHERE id = " + run)).isEqualTo("ABANDONED");

            alive.acquire(connection, EntityType.ORDERS);
            assertThatThrownBy(() -> next.acquire(connection, EntityType.ORDERS))
                    .as("this test's own process is alive").isInstanceOf(SyncInProgressException.class);
        }
    }

    /** Many syncs starting at once (a node's scheduler threads at the top of the hour) never deadlock. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void leasesTakenAtTheSameMomentNeitherDeadlockNorDoubleUp(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            int threads = 6;
            long[] connections = new long[threads];
            for (int i = 0; i < threads; i++) {
                connections[i] = TestRows.connection(store, "shop" + i);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 15; round++) {
                    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                    List<java.util.concurrent.Future<SyncLease>> distinct = new java.util.ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        long connection = connections[i];
                        SyncLeases leases = new SyncLeases(store.dataSource(), java.time.Clock.systemUTC(),
                                Duration.ofSeconds(30), "node" + i);
                        distinct.add(pool.submit(() -> {
                            start.await();
                            SyncLease lease = leases.acquire(connection, EntityType.PRODUCTS);
                            leases.release(lease);
                            return lease;
                        }));
                    }
                    for (java.util.concurrent.Future<SyncLease> lease : distinct) {
                        assertThat(lease.get()).isNotNull();
                    }
                    java.util.concurrent.CyclicBarrier same = new java.util.concurrent.CyclicBarrier(threads);
                    List<java.util.concurrent.Future<Boolean>> contended = new java.util.ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        SyncLeases leases = new SyncLeases(store.dataSource(), java.time.Clock.systemUTC(),
                                Duration.ofSeconds(30), "node" + i);
                        contended.add(pool.submit(() -> {
                            same.await();
                            try {
                                leases.acquire(connections[0], EntityType.ORDERS);
                                return true;
                            } catch (SyncInProgressException busy) {
                                return false;
                            }
                        }));
                    }
                    int winners = 0;
                    for (java.util.concurrent.Future<Boolean> won : contended) {
                        winners += won.get() ? 1 : 0;
                    }
                    assertThat(winners).as("round " + round + ": exactly one holder").isEqualTo(1);
                    TestRows.count(store, "SELECT COUNT(*) FROM sync_lease");
                    try (java.sql.Connection c = store.dataSource().getConnection();
                            java.sql.Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM sync_lease");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aSweepClosesRunsOfDeadProcesses(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            MutableClock clock = MutableClock.startingAt(Instant.now());
            SyncLeases leases = new SyncLeases(store.dataSource(), clock, Duration.ofSeconds(30), "daemon@h:1");
            SyncLease held = leases.acquire(connection, EntityType.ORDERS);
            long leased = TestRows.run(store, connection, EntityType.ORDERS);
            leases.attach(held, leased);
            long orphan = TestRows.run(store, connection, EntityType.PRODUCTS);

            assertThat(leases.abandonExpired()).as("nothing expired yet").isEmpty();
            clock.advance(Duration.ofSeconds(31));
            assertThat(leases.abandonExpired()).containsExactlyInAnyOrder(leased, orphan);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM sync_run WHERE outcome = 'ABANDONED'")).isEqualTo(2);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM sync_lease")).isZero();
        }
    }

    /** The lease row refers to its connection: a removed one fails once, with a sentence,
            and is not taken for a race. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aLeaseOnARemovedConnectionFailsOnceWithASentence(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            CentralStore store = database.store();
            SyncLeases leases = new SyncLeases(store.dataSource(), MutableClock.startingAt(T), Duration.ofSeconds(30),
                    "cli@h:1");
            assertThatThrownBy(() -> leases.acquire(987_654, EntityType.PRODUCTS))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Taking the sync lease of connection 987654 failed: ");
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM sync_lease")).isZero();
        }
    }
}
