package io.tributary.scheduler;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleChange;
import io.tributary.schedule.ScheduleView;
import io.tributary.spi.EntityType;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.JobKey;
import org.quartz.Trigger;

/** Quartz's JDBC job store in the central store, following the schedules, on H2 and MariaDB. */
class SchedulerStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void triggersFollowTheSchedulesInTheStore(TestDatabase.Backend backend) throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] source = new ScriptedConnectorProvider.Source[1];
            long id = f.connection("shop", source);
            assertThat(f.scheduler.clustered()).isEqualTo(backend == TestDatabase.Backend.MARIADB);

            f.reconciler.reconcile();
            JobKey products = ScheduleTriggers.jobKey(id, EntityType.PRODUCTS);
            assertThat(f.scheduler.quartz().checkExists(products)).as("a durable job per schedule").isTrue();
            assertThat(f.scheduler.quartz().getJobDetail(products).requestsRecovery()).isTrue();
            assertThat(f.scheduler.quartz().getTriggersOfJob(products)).as("inactive by default").isEmpty();

            ScheduleView daily = f.schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(Frequency.DAILY, null,
                    LocalTime.of(4, 10), LocalDate.of(2026, 1, 1), ZoneId.of("America/New_York"), true));
            assertThat(f.reconciler.reconcile()).isEqualTo(1);
            Trigger trigger = f.scheduler.quartz().getTrigger(ScheduleTriggers.triggerKey(id, EntityType.PRODUCTS));
            assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(
                    ScheduleTriggers.nextFireAfter(daily.spec(), Instant.now()).orElseThrow());
            assertThat(f.reconciler.reconcile()).as("nothing changed").isZero();

            f.schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(null, null, LocalTime.of(5, 0), null, null, null));
            assertThat(f.reconciler.reconcile()).isEqualTo(1);
            assertThat(f.scheduler.quartz().getTrigger(ScheduleTriggers.triggerKey(id, EntityType.PRODUCTS))
                    .getNextFireTime().toInstant().atZone(ZoneId.of("America/New_York")).getHour()).isEqualTo(5);

            f.connections.setEnabled(id, false);
            f.reconciler.reconcile();
            assertThat(f.scheduler.quartz().getTriggersOfJob(products)).as("disabling pauses").isEmpty();
            f.connections.setEnabled(id, true);
            f.reconciler.reconcile();
            assertThat(f.scheduler.quartz().getTriggersOfJob(products)).as("enabling resumes").hasSize(1);

            f.connections.remove(id);
            f.reconciler.reconcile();
            assertThat(f.scheduler.quartz().checkExists(products)).as("removing deletes").isFalse();
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void unchangedSchedulesAreLeftAloneUntilAFullPassHealsDrift(TestDatabase.Backend backend) throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] source = new ScriptedConnectorProvider.Source[1];
            long id = f.connection("shop", source);
            f.schedules.set(id, EntityType.ORDERS, new ScheduleChange(null, null, null, null, null, true));
            org.quartz.TriggerKey key = ScheduleTriggers.triggerKey(id, EntityType.ORDERS);

            ScheduleReconciler cached = new ScheduleReconciler(f.scheduler.quartz(), f.schedules);
            assertThat(cached.reconcile()).as("four jobs (two syncs, two reconciles), one trigger").isEqualTo(5);
            f.scheduler.quartz().unscheduleJob(key); // changed behind the reconciler's back
            assertThat(cached.reconcile()).as("nothing changed in the store: Quartz is not asked").isZero();
            assertThat(f.scheduler.quartz().checkExists(key)).isFalse();

            ScheduleReconciler everyPassFull = new ScheduleReconciler(f.scheduler.quartz(), f.schedules, Duration.ZERO);
            assertThat(everyPassFull.reconcile()).isEqualTo(1);
            assertThat(f.scheduler.quartz().checkExists(key)).as("a full pass puts it back").isTrue();
            cached.close();
            everyPassFull.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFirstPassOverManyTriggersReadsTheirSignaturesAtOnceAndReplacesOnlyChangedOnes(TestDatabase.Backend backend)
            throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            long first = 0;
            for (int i = 0; i < 16; i++) { // 4 schedules each: more than a pass reads signatures at once for
                long id = f.connection("shop-" + i, new ScriptedConnectorProvider.Source[1]);
                first = i == 0 ? id : first;
                f.schedules.set(id, EntityType.ORDERS, new ScheduleChange(null, null, null, null, null, true));
            }
            assertThat(f.reconciler.reconcile()).isPositive();
            // changed while no daemon ran: the next daemon's first pass finds every trigger in place but this one
            f.schedules.set(first, EntityType.ORDERS, new ScheduleChange(Frequency.DAILY, null, LocalTime.of(3, 17),
                    null, null, true));
            ScheduleReconciler next = new ScheduleReconciler(f.scheduler.quartz(), f.schedules, f.store.dataSource());
            assertThat(next.reconcile()).as("only the changed trigger is replaced").isEqualTo(1);
            ScheduleView changed = f.schedules.list(first).stream().filter(s -> s.entity() == EntityType.ORDERS
                    && s.kind() == io.tributary.schedule.ScheduleKind.SYNC).findFirst().orElseThrow();
            assertThat(f.scheduler.quartz().getTrigger(ScheduleTriggers.triggerKey(first, EntityType.ORDERS))
                    .getJobDataMap().getString("signature")).isEqualTo(ScheduleTriggers.signature(changed.spec()));
            assertThat(next.reconcile()).isZero();
            next.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFiringRunsAScheduledSyncAndChangesArePickedUpLive(TestDatabase.Backend backend) throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] source = new ScriptedConnectorProvider.Source[1];
            long id = f.connection("shop", source);
            source[0].products.add(product("1", "1.00", T0));
            source[0].products.add(product("2", "2.00", T0.plusSeconds(1)));
            f.scheduler.start();
            f.reconciler.start(Duration.ofMillis(200));

            f.schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(null, null, null, null, null, true));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !f.scheduler.quartz().getTriggersOfJob(ScheduleTriggers.jobKey(id, EntityType.PRODUCTS)).isEmpty());

            f.scheduler.quartz().triggerJob(ScheduleTriggers.jobKey(id, EntityType.PRODUCTS)); // test-only: fire now
            await().atMost(Duration.ofSeconds(20)).until(() -> TestRows.count(f.store,
                    "SELECT COUNT(*) FROM sync_run WHERE trigger_type = 'SCHEDULED' AND outcome = 'SUCCEEDED'") == 1);
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM product")).isEqualTo(2);
            assertThat(TestRows.string(f.store, "SELECT node FROM sync_run")).isEqualTo("daemon test@here:1");
            assertThat(f.firings).singleElement().satisfies(firing -> {
                assertThat(firing.getKey()).isEqualTo(EntityType.PRODUCTS);
                assertThat(firing.getValue()).as("fire time minus scheduled time").isGreaterThanOrEqualTo(Duration.ZERO)
                        .isLessThan(Duration.ofSeconds(20));
            });

        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aConnectionGetsAnInactiveWeeklyReconcileWhoseFiringMarksDeletes(TestDatabase.Backend backend)
            throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] source = new ScriptedConnectorProvider.Source[1];
            long id = f.connection("shop", source);
            source[0].products.add(product("1", "1.00", T0));
            source[0].products.add(product("2", "2.00", T0.plusSeconds(1)));
            var reconciles = f.schedules.list(id).stream()
                    .filter(s -> s.kind() == io.tributary.schedule.ScheduleKind.RECONCILE).toList();
            assertThat(reconciles).extracting(s -> s.entity()).containsExactly(EntityType.PRODUCTS, EntityType.ORDERS);
            assertThat(reconciles).allSatisfy(s -> {
                assertThat(s.spec().active()).isFalse();
                assertThat(s.spec().frequency()).isEqualTo(io.tributary.schedule.Frequency.WEEKLY);
                assertThat(s.spec().dayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
            });
            f.schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(null, null, null, null, null, true));
            f.schedules.set(id, EntityType.PRODUCTS, io.tributary.schedule.ScheduleKind.RECONCILE,
                    new ScheduleChange(null, null, null, null, null, true));
            f.reconciler.reconcile();
            JobKey reconcile = ScheduleTriggers.jobKey(id, EntityType.PRODUCTS, io.tributary.schedule.ScheduleKind.RECONCILE);
            assertThat(reconcile.getName()).isEqualTo("reconcile-" + id + "-products");
            assertThat(f.scheduler.quartz().getTriggersOfJob(reconcile)).hasSize(1);
            assertThat(f.scheduler.quartz().getTriggersOfJob(ScheduleTriggers.jobKey(id, EntityType.ORDERS,
                    io.tributary.schedule.ScheduleKind.RECONCILE))).as("inactive: no trigger").isEmpty();
            f.scheduler.start();
            f.scheduler.quartz().triggerJob(ScheduleTriggers.jobKey(id, EntityType.PRODUCTS)); // test-only: fire now
            await().atMost(Duration.ofSeconds(20)).until(() -> TestRows.count(f.store,
                    "SELECT COUNT(*) FROM sync_run WHERE outcome = 'SUCCEEDED'") == 1);
            source[0].products.removeIf(p -> p.externalId().equals("2"));

            f.scheduler.quartz().triggerJob(reconcile); // test-only: fire now

            await().atMost(Duration.ofSeconds(20)).until(() -> TestRows.count(f.store, "SELECT COUNT(*) FROM sync_run "
                    + "WHERE kind = 'RECONCILE' AND trigger_type = 'SCHEDULED' AND outcome = 'SUCCEEDED'") == 1);
            assertThat(TestRows.count(f.store, "SELECT deleted_count FROM sync_run WHERE kind = 'RECONCILE'"))
                    .isEqualTo(1);
            assertThat(TestRows.string(f.store, "SELECT external_id FROM product WHERE deleted_at IS NOT NULL"))
                    .isEqualTo("2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aScheduledOrdersSyncRunsItsRoutes(TestDatabase.Backend backend) throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] shop = new ScriptedConnectorProvider.Source[1];
            ScriptedConnectorProvider.Source[] unused = new ScriptedConnectorProvider.Source[1];
            long shopId = f.connection("scripted-shop", "shop", shop);
            long courierId = f.connection("scripted-courier", "courier", unused);
            String courierHost = f.connections.show(courierId).url().getHost();
            f.routes.add(new io.tributary.route.RouteDraft(shopId, courierId, "processing", null, null, true));
            String raw = "{\"id\":\"7\",\"status\":\"processing\",\"street\":\"1 Rue X\",\"name\":\"Ana\"}";
            shop[0].orders.add(new io.tributary.spi.OrderRecord("7", "N7", "processing", "EUR",
                    new java.math.BigDecimal("12.50"), null, null, null, null, "Ana", T0, T0, java.util.List.of(), raw));
            f.schedules.set(shopId, EntityType.ORDERS, new ScheduleChange(null, null, null, null, null, true));
            f.reconciler.reconcile();
            f.scheduler.start();

            f.scheduler.quartz().triggerJob(ScheduleTriggers.jobKey(shopId, EntityType.ORDERS)); // test-only: fire now

            io.tributary.testing.ScriptedCourierProvider.Courier courier =
                    io.tributary.testing.ScriptedCourierProvider.courier(courierHost);
            await().atMost(Duration.ofSeconds(20)).until(() -> courier.deliveries.size() == 1);
            assertThat(courier.deliveries.get(0).orderNumber()).isEqualTo("N7");
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM sync_run WHERE trigger_type = 'SCHEDULED'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void firingsMissedWhileDownRunOnceNotOncePerSlot(TestDatabase.Backend backend) throws Exception {
        try (SchedulerFixture f = new SchedulerFixture(backend)) {
            ScriptedConnectorProvider.Source[] source = new ScriptedConnectorProvider.Source[1];
            long id = f.connection("shop", source);
            source[0].products.add(product("1", "1.00", T0));
            f.schedules.set(id, EntityType.ORDERS, new ScheduleChange(Frequency.HOURLY, null, null, null, null, true));
            f.reconciler.reconcile();
            // the daemon was down for five hourly slots: the trigger's next firing lies five hours back
            try (Connection connection = f.store.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?")) {
                statement.setLong(1, Instant.now().minus(Duration.ofHours(5)).toEpochMilli());
                statement.setString(2, ScheduleTriggers.triggerKey(id, EntityType.ORDERS).getName());
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }

            f.scheduler.start();

            String scheduledRuns = "SELECT COUNT(*) FROM sync_run WHERE trigger_type = 'SCHEDULED'";
            await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.count(f.store, scheduledRuns) >= 1);
            // firings for the other missed slots would be due at once (their times lie in the past), so Quartz
            // would run them back to back, well within this window
            await("one catch-up firing").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(TestRows.count(f.store, scheduledRuns)).isEqualTo(1));
            Instant next = f.scheduler.quartz().getTrigger(ScheduleTriggers.triggerKey(id, EntityType.ORDERS))
                    .getNextFireTime().toInstant();
            assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(1)));
            // Quartz moves a misfired trigger to "now" before firing it: downtime is not reported as firing lag
            assertThat(f.firings).singleElement().satisfies(firing -> assertThat(firing.getValue())
                    .isLessThan(Duration.ofSeconds(5)));
        }
    }
}
