package io.tributary.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB a lease is tied to its holder's database session: when that session ends (here the server kills it,
 * as it does when a process on another host dies and its TCP connection drops), the next sync takes over at once,
 * long before the lease would run out, and closes the dead run as ABANDONED. A live holder is still refused, with
 * the time its lease runs until. The feature is MariaDB's; H2 runs on one host, where dead PIDs tell (SyncLeasesTest).
 */
class SessionLockLeasesTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aHolderWhoseSessionEndedIsTakenOverAtOnceAndItsRunAbandoned() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Backend.MARIADB)) {
            CentralStore store = database.store();
            assertThat(store.config().vendor()).isEqualTo(StoreConfig.Vendor.MARIADB);
            long connection = TestRows.connection(store, "shop");
            MutableClock clock = MutableClock.startingAt(T); // never advanced: no lease here ever expires
            SyncLeases hostA = new SyncLeases(store, clock, Duration.ofSeconds(30), "daemon a@host-a:4242");
            SyncLeases hostB = new SyncLeases(store, clock, Duration.ofSeconds(30), "cli@host-b:77");

            SyncLease held = hostA.acquire(connection, EntityType.ORDERS);
            long run = TestRows.run(store, connection, EntityType.ORDERS);
            hostA.attach(held, run);
            assertThatThrownBy(() -> hostB.acquire(connection, EntityType.ORDERS))
                    .isInstanceOf(SyncInProgressException.class)
                    .hasMessageContaining("daemon a@host-a:4242")
                    .hasMessageContaining("its lease runs until 2026-01-01T10:00:30Z");
            assertThat(hostB.abandonExpired()).as("a live holder's run is left alone").isEmpty();

            killSessionHolding(store, connection, EntityType.ORDERS); // host A's process is gone

            assertThat(hostB.abandonExpired()).as("seen when runs are listed").containsExactly(run);
            assertThat(TestRows.string(store, "SELECT outcome FROM sync_run WHERE id = " + run)).isEqualTo("ABANDONED");
            SyncLease takenOver = hostB.acquire(connection, EntityType.ORDERS);
            assertThat(takenOver.owner()).isEqualTo("cli@host-b:77");
            assertThat(hostA.renew(held)).as("the dead holder's token no longer writes").isFalse();

            // the same again with the holder killed before anyone listed runs: the next sync itself takes over
            long second = TestRows.run(store, connection, EntityType.ORDERS);
            hostB.attach(takenOver, second);
            killSessionHolding(store, connection, EntityType.ORDERS);
            SyncLease third = hostA.acquire(connection, EntityType.ORDERS);
            assertThat(TestRows.string(store, "SELECT outcome FROM sync_run WHERE id = " + second))
                    .isEqualTo("ABANDONED");

            // a clean release frees the lock for the next holder
            hostA.release(third);
            hostB.release(hostB.acquire(connection, EntityType.ORDERS));
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM sync_lease")).isZero();
        }
    }

    @Test
    void aReleasedLocksSessionTakesTheNextLockAndOneTheServerEndedMeanwhileIsReplaced() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Backend.MARIADB)) {
            CentralStore store = database.store();
            long connection = TestRows.connection(store, "shop");
            SyncLeases leases = new SyncLeases(store, MutableClock.startingAt(T), Duration.ofSeconds(30),
                    "daemon a@host-a:4242");

            SyncLease orders = leases.acquire(connection, EntityType.ORDERS);
            long session = holderOf(store, connection, EntityType.ORDERS);
            leases.release(orders);
            SyncLease products = leases.acquire(connection, EntityType.PRODUCTS);
            assertThat(holderOf(store, connection, EntityType.PRODUCTS)).as("the released lock's session, kept")
                    .isEqualTo(session);
            leases.release(products);

            try (Connection admin = store.dataSource().getConnection();
                    PreparedStatement kill = admin.prepareStatement("KILL CONNECTION " + session)) {
                kill.execute(); // the kept session ends while idle (wait_timeout, a restarted server)
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                        TestRows.count(store, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = "
                                + session) == 0);
            }
            SyncLease again = leases.acquire(connection, EntityType.ORDERS);
            assertThat(holderOf(store, connection, EntityType.ORDERS)).as("a new session").isNotEqualTo(session);
            leases.release(again);
            assertThat(TestRows.count(store, "SELECT COUNT(*) FROM sync_lease")).isZero();
        }
    }

    /** The id of the database session holding the (connection, entity) lock. */
    private static long holderOf(CentralStore store, long connectionId, EntityType entity) throws SQLException {
        SessionLocks locks = new SessionLocks(store.config());
        try (Connection admin = store.dataSource().getConnection();
                PreparedStatement used = admin.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            used.setString(1, locks.name(admin, connectionId, entity));
            try (ResultSet rows = used.executeQuery()) {
                rows.next();
                long holder = rows.getLong(1);
                assertThat(rows.wasNull()).as("a session holds the lock").isFalse();
                return holder;
            }
        }
    }

    /** Ends the database session holding the (connection, entity) lock, as the server does when a client dies. */
    private static void killSessionHolding(CentralStore store, long connectionId, EntityType entity)
            throws SQLException {
        SessionLocks locks = new SessionLocks(store.config());
        try (Connection admin = store.dataSource().getConnection()) {
            long holder;
            try (PreparedStatement used = admin.prepareStatement("SELECT IS_USED_LOCK(?)")) {
                used.setString(1, locks.name(admin, connectionId, entity));
                try (ResultSet rows = used.executeQuery()) {
                    rows.next();
                    holder = rows.getLong(1);
                    assertThat(rows.wasNull()).as("a session holds the lock").isFalse();
                }
            }
            try (PreparedStatement kill = admin.prepareStatement("KILL CONNECTION " + holder)) {
                kill.execute();
            }
            // KILL returns before the killed session has ended; the server frees its locks as it ends
            String name = locks.name(admin, connectionId, entity);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> isFree(admin, name));
        }
    }

    private static boolean isFree(Connection admin, String name) throws SQLException {
        try (PreparedStatement free = admin.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            free.setString(1, name);
            try (ResultSet rows = free.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }
}
