package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.record.StoredOrder;
import io.tributary.run.SyncRun;
import io.tributary.scheduler.ScheduleReconciler;
import io.tributary.scheduler.ScheduleTriggers;
import io.tributary.scheduler.ScheduledSyncs;
import io.tributary.scheduler.SchedulerOptions;
import io.tributary.scheduler.SyncNow;
import io.tributary.scheduler.TributaryScheduler;
import io.tributary.spi.EntityType;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.testkit.shopify.ShopifyOrder;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.JobDataMap;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * The daemon's scheduler with ONE thread: a Shopify full sync whose bulk export is still running hands the thread
 * back (its run ends WAITING and the job fires again later), so another connection's sync runs meanwhile; once
 * Shopify has the export ready, a re-firing of the same job reads it — one export, exact data.
 */
class WaitingSyncIT {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aPendingShopifyExportDoesNotHoldTheOnlySyncThread(TestDatabase.Backend backend) throws Exception {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeShopify shopify = FakeShopify.builder().products(4).orders(25).start();
                FakeWooCommerce woo = FakeWooCommerce.builder().products(30).orders(5).seed(7).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long shop = cli.run("connection", "add", "--system", "shopify", "--name", "Shopify", "--url",
                    shopify.shopUrl().toString(), "--access-token", shopify.token(), "--credential", "bulk-wait=0",
                    "--json").json().get("id").asLong();
            long wooId = cli.run("connection", "add", "--system", "woocommerce", "--name", "Woo", "--url",
                    woo.siteUrl().toString(), "--access-token", woo.consumerKey(), "--secret", woo.consumerSecret(),
                    "--json").json().get("id").asLong();
            shopify.holdBulk(true);

            try (App app = new App(DaemonConfig.from(cli.environment(), null), System.err)) {
                TributaryScheduler scheduler = TributaryScheduler.create(app.store(), new ScheduledSyncs(app.syncs(),
                        Duration.ofSeconds(5)), new SchedulerOptions("solo", 1, Duration.ofSeconds(5),
                        Duration.ofMillis(200)));
                ScheduleReconciler reconciler = new ScheduleReconciler(scheduler.quartz(), app.schedules());
                try {
                    reconciler.start(Duration.ofMillis(200));
                    scheduler.start();
                    await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.quartz().checkExists(
                            ScheduleTriggers.jobKey(shop, EntityType.ORDERS)) && scheduler.quartz().checkExists(
                            ScheduleTriggers.jobKey(wooId, EntityType.PRODUCTS)));
                    SyncNow syncNow = new SyncNow(scheduler.quartz());

                    assertThat(syncNow.request(shop, EntityType.ORDERS, true)).isTrue();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !runs(app, shop, SyncRun.Outcome.WAITING)
                            .isEmpty());
                    TriggerKey retry = TriggerKey.triggerKey("retry-" + shop + "-orders", ScheduleTriggers.GROUP);
                    await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.quartz().checkExists(retry));
                    Trigger placed = scheduler.quartz().getTrigger(retry);
                    if (placed != null) { // it may have fired and gone between the two questions
                        JobDataMap data = placed.getJobDataMap();
                        assertThat(data.getString("full")).as("the re-firing keeps the full read").isEqualTo("true");
                        assertThat(data.getString("manual")).isEqualTo("true");
                    }

                    // the only thread is free for another connection while Shopify prepares the export
                    assertThat(syncNow.request(wooId, EntityType.PRODUCTS, false)).isTrue();
                    await().atMost(Duration.ofSeconds(60)).until(() -> !app.runs().list(wooId, EntityType.PRODUCTS, 5)
                            .stream().filter(r -> r.outcome() == SyncRun.Outcome.SUCCEEDED).toList().isEmpty());
                    assertThat(runs(app, shop, SyncRun.Outcome.SUCCEEDED)).as("Shopify still waits").isEmpty();
                    assertThat(cli.count("SELECT COUNT(*) FROM product WHERE connection_id = " + wooId)).isPositive();
                    assertThat(cli.count("SELECT COUNT(*) FROM orders WHERE connection_id = " + shop)).isZero();
                    assertThat(cli.count("SELECT consecutive_failures FROM connection WHERE id = " + shop)).isZero();

                    shopify.holdBulk(false);
                    await().atMost(Duration.ofSeconds(60)).until(() -> !runs(app, shop, SyncRun.Outcome.SUCCEEDED)
                            .isEmpty());
                    SyncRun done = runs(app, shop, SyncRun.Outcome.SUCCEEDED).get(0);
                    assertThat(done.fullRead()).isTrue();
                    assertThat(done.trigger()).isEqualTo(SyncRun.Trigger.MANUAL);
                    assertThat(done.insertedCount()).isEqualTo(25);
                    List<SyncRun> waited = runs(app, shop, SyncRun.Outcome.WAITING);
                    assertThat(done.readBeganAt()).as("the read began with the first waiting run")
                            .isEqualTo(waited.get(waited.size() - 1).startedAt());
                    assertThat(app.runs().list(shop, EntityType.ORDERS, 1000)).as("nothing but waiting and done")
                            .allSatisfy(r -> assertThat(r.outcome()).isIn(SyncRun.Outcome.WAITING,
                                    SyncRun.Outcome.SUCCEEDED));
                    assertThat(shopify.requests("TributaryBulkStart")).as("one export").hasSize(1);
                    Map<String, String> totals = shopify.orders().stream().collect(Collectors.toMap(
                            ShopifyOrder::gid, o -> o.total().toPlainString()));
                    Map<String, String> stored = app.records().orders(shop, null, 1000).stream().collect(
                            Collectors.toMap(StoredOrder::externalId, o -> o.total().toPlainString()));
                    assertThat(stored).isEqualTo(totals);
                } finally {
                    reconciler.close();
                    scheduler.shutdown(true);
                }
            }
        }
    }

    private static List<SyncRun> runs(App app, long connection, SyncRun.Outcome outcome) {
        return app.runs().list(connection, EntityType.ORDERS, 1000).stream().filter(r -> r.outcome() == outcome)
                .toList();
    }
}
