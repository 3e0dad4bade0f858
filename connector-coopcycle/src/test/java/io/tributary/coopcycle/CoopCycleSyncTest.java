package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.record.StoredOrder;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CoopCycle deliveries through the sync engine into a real store (H2 and MariaDB), against the fake instance. */
class CoopCycleSyncTest {
    private static final String LISTING = "/api/stores/1/deliveries";

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void deliveriesAreStoredExactlyAndOnlyOpenAndNewOnesAreReadAgain(TestDatabase.Backend backend) {
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
            SyncCursor mark = f.cursors.load(id, EntityType.ORDERS);
            assertThat(mark.modifiedAt()).as("the low-water mark is the oldest delivery under way")
                    .isEqualTo(FakeCoopCycleShop.createdAt(fake.delivery(open.get(0))));

            fake.complete(open.get(0));
            fake.fail(open.get(1));
            long added = fake.addDelivery(FakeCoopCycle.STORE_ID, "5 Rue du Bac, 75007 Paris", 1250);
            fake.requests().clear();

            SyncRun incremental = f.sync(id, EntityType.ORDERS);

            assertThat(incremental.outcome()).as(incremental.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(incremental.insertedCount()).isEqualTo(1);
            assertThat(incremental.updatedCount()).isEqualTo(2);
            assertThat(incremental.readCount()).as("only deliveries created since the mark")
                    .isLessThanOrEqualTo(open.size() + 15);
            assertThat(fake.requests().matching(LISTING)).as("one page reaches below the mark").hasSize(1);
            assertThat(fake.requests().matching("/oauth2/token")).hasSize(1);
            assertThat(fake.requests().all()).as("token, /api/me, one listing page").hasSize(3);
            Map<String, StoredOrder> after = f.storedOrders(id);
            assertThat(after.get(Long.toString(open.get(0))).status()).isEqualTo("DONE");
            assertThat(after.get(Long.toString(open.get(1))).status()).isEqualTo("FAILED");
            assertThat(after.get(Long.toString(added)).total().toPlainString()).isEqualTo("12.50");
            assertThat(f.cursors.load(id, EntityType.ORDERS).modifiedAt()).as("the failed one holds the mark now")
                    .isEqualTo(FakeCoopCycleShop.createdAt(fake.delivery(open.get(1))));

            String everything = logs.text() + incremental + full;
            settings.secrets().values().forEach(s -> assertThat(s.occursIn(everything)).isFalse());
            fake.issuedTokens().forEach(t -> assertThat(everything).doesNotContain(t));
        }
    }

    private static String expectedStatus(JsonNode delivery) {
        String pickup = delivery.get("pickup").get("status").asText();
        String dropoff = delivery.get("dropoff").get("status").asText();
        if (dropoff.equals("DONE") || dropoff.equals("CANCELLED")) {
            return dropoff;
        }
        return pickup.equals("DONE") || dropoff.equals("DOING") ? "DOING" : "TODO";
    }

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
                FakeCoopCycle fake = FakeCoopCycle.builder().deliveries(120).spacing(Duration.ofHours(1)).seed(6)
                        .start()) {
            long failedLongAgo = fake.deliveryIds(FakeCoopCycle.STORE_ID).get(10); // about 4.5 days ago
            fake.fail(failedLongAgo);
            ConnectionSettings settings = FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp());
            long patient = f.connect(settings);
            long impatient = f.connect(settings.withOption(CoopCycleSettings.REREAD_DAYS, "2"));

            f.sync(patient, EntityType.ORDERS);
            f.sync(impatient, EntityType.ORDERS);

            assertThat(f.cursors.load(patient, EntityType.ORDERS).modifiedAt())
                    .isEqualTo(FakeCoopCycleShop.createdAt(fake.delivery(failedLongAgo)));
            assertThat(f.cursors.load(impatient, EntityType.ORDERS).modifiedAt())
                    .as("past its 2-day window the failed delivery is left as last read")
                    .isEqualTo(FakeCoopCycleShop.createdAt(fake.delivery(fake.openDeliveryIds().get(1))));
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
