package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.record.OrderStatus;
import io.tributary.record.StoredOrder;
import io.tributary.run.RejectedRecords;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import io.tributary.store.InvalidInputException;
import io.tributary.testing.LogCapture;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.http.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CoopCycle deliveries through the sync engine into a real store (H2 and MariaDB), against the fake instance. */
class CoopCycleSyncTest {
    private static final String LISTING = "/api/stores/1/deliveries";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deliveriesAreStoredExactlyAndTheWholeRereadWindowIsReadAgain(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(230).seed(5).start();
                LogCapture logs = LogCapture.begin()) {
            ConnectionSettings settings = FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp());
            long id = f.connect(settings.withOption(CoopCycleSettings.CURRENCY, "CHF"));

            SyncRun full = f.sync(id, EntityType.ORDERS);

            assertThat(full.outcome()).as(full.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(full.insertedCount()).isEqualTo(230);
            assertThat(fake.requests().matching(LISTING)).hasSize(3);
            Map<String, StoredOrder> stored = f.storedOrders(id);
            for (long deliveryId : fake.deliveryIds(FakeCoopCycle.STORE_ID)) {
                JsonNode source = fake.delivery(deliveryId);
                StoredOrder order = stored.get(Long.toString(deliveryId));
                assertThat(order.total() == null ? "" : order.total().toPlainString())
                        .isEqualTo(FakeCoopCycleShop.total(source));
                assertThat(order.currency()).isEqualTo("CHF");
                assertThat(order.createdAt()).isEqualTo(FakeCoopCycleShop.createdAt(source));
                assertThat(order.status()).isEqualTo(expectedStatus(source));
                assertThat(order.customerName()).isEqualTo(source.get("dropoff").get("address").get("contactName")
                        .asText());
            }
            List<Long> open = fake.openDeliveryIds();
            assertThat(open).isNotEmpty().hasSizeLessThan(20);
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt())
                    .as("every delivery is younger than the 7-day window: the mark is the window's start")
                    .isBetween(full.startedAt().minus(Duration.ofDays(7)), full.finishedAt().minus(Duration.ofDays(7)));

            fake.complete(open.get(0));
            fake.fail(open.get(1));
            long added = fake.addDelivery(FakeCoopCycle.STORE_ID, "5 Rue du Bac, 75007 Paris", 1250);
            fake.requests().clear();

            SyncRun incremental = f.sync(id, EntityType.ORDERS);

            assertThat(incremental.outcome()).as(incremental.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(incremental.insertedCount()).isEqualTo(1);
            assertThat(incremental.updatedCount()).isEqualTo(2);
            assertThat(incremental.unchangedCount()).isEqualTo(228);
            assertThat(incremental.readCount()).as("every delivery created within the last 7 days: all 231")
                    .isEqualTo(231);
            assertThat(fake.requests().matching(LISTING)).as("231 deliveries: 3 pages").hasSize(3);
            assertThat(fake.requests().matching("/oauth2/token")).hasSize(1);
            assertThat(fake.requests().all()).as("token, /api/me, three listing pages").hasSize(5);
            Map<String, StoredOrder> after = f.storedOrders(id);
            assertThat(after.get(Long.toString(open.get(0))).status()).isEqualTo("DONE");
            assertThat(after.get(Long.toString(open.get(1))).status()).isEqualTo("FAILED");
            assertThat(after.get(Long.toString(added)).total().toPlainString()).isEqualTo("12.50");
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt())
                    .as("the failed one is within the window: the window's start is still the mark")
                    .isBetween(incremental.startedAt().minus(Duration.ofDays(7)),
                            incremental.finishedAt().minus(Duration.ofDays(7)));

            String everything = logs.text() + incremental + full;
            settings.secrets().values().forEach(s -> assertThat(s.occursIn(everything)).isFalse());
            fake.issuedTokens().forEach(t -> assertThat(everything).doesNotContain(t));
        }
    }

    /**
     * Seen on a real store: deliveries created in the last week changed status after the low-water mark had moved
     * past them (finished ones reopened, a failed dropoff rescheduled), and the next sync updated only the two that
     * were still under way. Every delivery created within the re-read window is read again at every sync.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deliveriesThatCannotBeReadAreSetAsideEvenWhenAWholePageIsMadeOfThem(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(150).seed(5).start()) {
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp()));
            List<Long> all = fake.deliveryIds(FakeCoopCycle.STORE_ID);
            // the first page of the listing (100, newest first) carries no id the connector can read
            List<Long> damaged = all.subList(all.size() - 100, all.size());
            damaged.forEach(delivery -> fake.damageDelivery(delivery, json -> json.put("id", "").remove("@id")));

            SyncRun run = f.sync(id, EntityType.ORDERS);

            assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(run.rejectedCount()).isEqualTo(100);
            assertThat(run.insertedCount()).isEqualTo(50);
            assertThat(f.records.count("orders", id)).isEqualTo(50);
            List<RejectedRecords.Rejected> rejects = new RejectedRecords(f.store.dataSource()).list(run.id(), null,
                    null, 1000);
            assertThat(rejects).hasSize(100).allSatisfy(reject -> {
                assertThat(reject.externalId()).isNull();
                assertThat(reject.reason()).isEqualTo("CoopCycle sent a delivery without an id.");
                assertThat(reject.payload()).contains("\"id\":\"\"");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void statusChangesOfEveryDeliveryCreatedWithinTheRereadWindowAreSeen(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(240).spacing(Duration.ofHours(1)).seed(11)
                        .start()) {
            long doneYesterday = createdHoursAgo(fake, 26);
            long doneThreeDaysAgo = createdHoursAgo(fake, 75);
            long cancelledFourDaysAgo = createdHoursAgo(fake, 98);
            long doneFiveDaysAgo = createdHoursAgo(fake, 121);
            long doneSixDaysAgo = createdHoursAgo(fake, 158);
            long doneNineDaysAgo = createdHoursAgo(fake, 218);
            List.of(doneYesterday, doneThreeDaysAgo, doneFiveDaysAgo, doneSixDaysAgo, doneNineDaysAgo)
                    .forEach(fake::complete);
            fake.cancel(cancelledFourDaysAgo);
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.apiKeyApp()));
            SyncRun full = f.sync(id, EntityType.ORDERS);
            assertThat(full.outcome()).as(full.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            List<Long> open = fake.openDeliveryIds();

            fake.complete(open.get(0));
            fake.fail(open.get(1));
            fake.reopen(doneYesterday);
            fake.fail(doneThreeDaysAgo);
            Instant tomorrow = fake.clock().instant().plus(Duration.ofDays(1));
            fake.reschedule(doneThreeDaysAgo, tomorrow, tomorrow.plus(Duration.ofMinutes(30)));
            fake.reopen(cancelledFourDaysAgo);
            fake.fail(doneFiveDaysAgo);
            fake.reopen(doneSixDaysAgo);
            fake.reopen(doneNineDaysAgo);
            fake.requests().clear();

            SyncRun next = f.sync(id, EntityType.ORDERS);

            assertThat(next.outcome()).as(next.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(next.updatedCount()).as("the seven changes of the last week").isEqualTo(7);
            assertThat(next.readCount()).as("every delivery of the last 7 days, one an hour").isEqualTo(168);
            assertThat(next.insertedCount()).isZero();
            Map<String, String> statuses = statuses(f.storedOrders(id));
            assertThat(statuses).containsEntry(Long.toString(open.get(0)), "DONE")
                    .containsEntry(Long.toString(open.get(1)), "FAILED")
                    .containsEntry(Long.toString(doneYesterday), "DOING")
                    .containsEntry(Long.toString(doneThreeDaysAgo), "DOING")
                    .containsEntry(Long.toString(cancelledFourDaysAgo), "TODO")
                    .containsEntry(Long.toString(doneFiveDaysAgo), "FAILED")
                    .containsEntry(Long.toString(doneSixDaysAgo), "DOING")
                    .as("created 9 days ago, outside the window: left as last read")
                    .containsEntry(Long.toString(doneNineDaysAgo), "DONE");
            assertThat(fake.requests().matching(LISTING)).as("169 deliveries reach below the window: 2 pages")
                    .hasSize(2);
            assertThat(fake.requests().all()).as("/api/me and two listing pages (API key)").hasSize(3);
            SyncCursor mark = f.cursors.load(id, EntityType.ORDERS);
            assertThat(mark.modifiedAt()).as("the mark never passes now minus the window")
                    .isBefore(Instant.now().minus(Duration.ofDays(7)));

            SyncRun full2 = f.fullSync(id);
            assertThat(full2.updatedCount()).as("a full sync catches what the window left").isEqualTo(1);
            assertThat(statuses(f.storedOrders(id))).containsEntry(Long.toString(doneNineDaysAgo), "DOING");
        }
    }

    /**
     * What a sync costs a store of 200 deliveries a day: the documented ⌈(K + 1) / 100⌉ listing pages, K being the
     * deliveries created within the re-read window (7 days: 1,400), plus /api/me and the token.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aSyncOfABusyStoreCostsTheWindowsPages(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(2000).spacing(Duration.ofSeconds(432))
                        .seed(13).start()) {
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp()));
            SyncRun full = f.sync(id, EntityType.ORDERS);
            assertThat(full.insertedCount()).isEqualTo(2000);
            assertThat(fake.requests().all()).as("a first sync: token, /api/me, 20 pages").hasSize(22);
            fake.requests().clear();

            SyncRun steady = f.sync(id, EntityType.ORDERS);

            assertThat(steady.outcome()).as(steady.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(steady.readCount()).isEqualTo(1400);
            assertThat(fake.requests().matching(LISTING)).hasSize(15);
            assertThat(fake.requests().all()).as("token, /api/me, 15 listing pages").hasSize(17);
        }
    }

    /**
     * CoopCycle's deliveries carry no modification time (nor do the fake's): each is stored with the time of the sync
     * that saw it change, so "most recently changed first" lists the deliveries whose status just changed.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aDeliveryIsStoredWithTheTimeOfTheSyncThatSawItChange(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(80).seed(17).start()) {
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.apiKeyApp()));
            SyncRun full = f.sync(id, EntityType.ORDERS);
            Map<String, OrderStatus> first = orderStatuses(f, id);
            assertThat(first).hasSize(80).allSatisfy((deliveryId, order) -> {
                assertThat(order.updatedAt()).as("stored by the first sync").isEqualTo(order.storedAt())
                        .isBetween(full.startedAt(), full.finishedAt());
            });
            List<Long> open = fake.openDeliveryIds();
            long finished = fake.deliveryIds(FakeCoopCycle.STORE_ID).get(10);
            assertThat(fake.delivery(finished).findValues("updatedAt")).as("the fake, like CoopCycle, sends none")
                    .isEmpty();
            fake.complete(open.get(0));
            fake.reopen(finished);

            SyncRun next = f.sync(id, EntityType.ORDERS);

            assertThat(next.updatedCount()).isEqualTo(2);
            Map<String, OrderStatus> second = orderStatuses(f, id);
            for (long changed : List.of(open.get(0), finished)) {
                OrderStatus order = second.get(Long.toString(changed));
                assertThat(order.updatedAt()).as("the second sync saw it change").isEqualTo(order.storedAt())
                        .isBetween(next.startedAt(), next.finishedAt());
            }
            second.forEach((deliveryId, order) -> {
                if (!deliveryId.equals(Long.toString(open.get(0))) && !deliveryId.equals(Long.toString(finished))) {
                    assertThat(order.updatedAt()).as("unchanged: as the first sync stored it")
                            .isEqualTo(first.get(deliveryId).updatedAt());
                }
            });
            assertThat(f.records.orders(id, null, 2)).as("most recently changed first")
                    .extracting(StoredOrder::externalId)
                    .containsExactlyInAnyOrder(Long.toString(open.get(0)), Long.toString(finished));
        }
    }

    private static Map<String, OrderStatus> orderStatuses(SyncFixture f, long connection) {
        Map<String, OrderStatus> statuses = new java.util.LinkedHashMap<>();
        f.records.orderStatuses(null, connection, null, null, 500).items()
                .forEach(o -> statuses.put(o.externalId(), o));
        return statuses;
    }

    /** The delivery created {@code hours} hours before the fake's clock (one is created every hour). */
    private static long createdHoursAgo(FakeCoopCycle fake, int hours) {
        List<Long> ids = fake.deliveryIds(FakeCoopCycle.STORE_ID);
        long id = ids.get(ids.size() - hours);
        assertThat(FakeCoopCycleShop.createdAt(fake.delivery(id)))
                .isEqualTo(fake.clock().instant().minus(Duration.ofHours(hours)));
        return id;
    }

    private static Map<String, String> statuses(Map<String, StoredOrder> orders) {
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        orders.forEach((id, order) -> statuses.put(id, order.status()));
        return statuses;
    }

    private static String expectedStatus(JsonNode delivery) {
        String pickup = delivery.get("pickup").get("status").asText();
        String dropoff = delivery.get("dropoff").get("status").asText();
        if (dropoff.equals("DONE") || dropoff.equals("CANCELLED")) {
            return dropoff;
        }
        return pickup.equals("DONE") || dropoff.equals("DOING") ? "DOING" : "TODO";
    }

    /**
     * A delivery created before the window but due within it (ordered days in advance, then failed) holds the mark
     * back while its dropoff deadline is less than {@code reread-days} ago, and stops holding it after.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFullReadSaysHowFarItHasComeFromTotalItemsAnIncrementalOneDoesNot(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(230).seed(5).start()) {
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp()));

            assertThat(f.progressOfSync(id, EntityType.ORDERS, true)).containsExactly("100/230", "200/230", "230/230");
            assertThat(f.progressOfSync(id, EntityType.ORDERS, false)).as("it stops at the mark, somewhere in the list")
                    .isNotEmpty().containsOnly("?");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anUnfinishedDeliveryPastItsRereadWindowStopsHoldingTheMark(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(300).spacing(Duration.ofHours(1)).seed(6)
                        .start()) {
            long orderedInAdvance = createdHoursAgo(fake, 216); // 9 days ago, for a dropoff 6 days ago
            Instant due = fake.clock().instant().minus(Duration.ofDays(6));
            fake.reschedule(orderedInAdvance, due.minus(Duration.ofMinutes(30)), due);
            fake.fail(orderedInAdvance);
            ConnectionSettings settings = FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp());
            long patient = f.connect(settings);
            long impatient = f.connect(settings.withOption(CoopCycleSettings.REREAD_DAYS, "5"));

            f.sync(patient, EntityType.ORDERS);
            SyncRun impatientRun = f.sync(impatient, EntityType.ORDERS);

            assertThat(f.cursors.load(patient, EntityType.ORDERS).modifiedAt())
                    .as("due 6 days ago, within its 7 days: it holds the mark 9 days back")
                    .isEqualTo(FakeCoopCycleShop.createdAt(fake.delivery(orderedInAdvance)));
            assertThat(f.cursors.load(impatient, EntityType.ORDERS).modifiedAt())
                    .as("past its 5-day window the failed delivery is left as last read")
                    .isBetween(impatientRun.startedAt().minus(Duration.ofDays(5)),
                            impatientRun.finishedAt().minus(Duration.ofDays(5)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFailureMidReadKeepsTheCursorAndProductsAreRefused(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(150).seed(8).start()) {
            long id = f.connect(FakeCoopCycleShop.settings(fake.baseUrl(), fake.apiKeyApp()));
            fake.afterRequests(LISTING, 1, () -> fake.faults().inject(Fault.status(503), 3, LISTING));

            SyncRun failed = f.sync(id, EntityType.ORDERS);

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorMessage()).contains("HTTP 503");
            assertThat(failed.insertedCount()).as("the first page is kept").isEqualTo(100);
            assertThat(f.cursors.load(id, EntityType.ORDERS)).as("pages before the last do not move the cursor")
                    .isEqualTo(SyncCursor.START);

            SyncRun resumed = f.sync(id, EntityType.ORDERS);
            assertThat(resumed.outcome()).as(resumed.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(f.storedOrders(id)).hasSize(150);

            assertThatThrownBy(() -> f.sync(id, EntityType.PRODUCTS)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("CoopCycle connections do not provide products.");
        }
    }
}
