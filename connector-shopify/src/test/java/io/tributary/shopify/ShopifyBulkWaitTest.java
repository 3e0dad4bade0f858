package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.ReadNotReadyException;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.testkit.shopify.FakeShopify;
import io.tributary.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full read whose bulk export takes longer than the short in-thread wait: the read hands its thread back with
 * {@link ReadNotReadyException} and the next read takes up the same operation, over real sockets against the fake.
 */
class ShopifyBulkWaitTest {
    private static final String BULK = "TributaryBulkStart";
    private final HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());

    @AfterEach
    void closeHttp() {
        http.close();
    }

    /** A token connection that polls an export on its own thread for {@code seconds} at most. */
    static ConnectionSettings waitingAtMost(FakeShopify fake, int seconds) {
        return new ConnectionSettings(0, "fake shopify", "shopify", fake.shopUrl(),
                Map.of(ShopifyConnector.BULK_WAIT, Integer.toString(seconds)),
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of(fake.token())));
    }

    @Test
    void anExportStillRunningHandsTheThreadBackAndTheNextReadTakesUpTheSameOperation() {
        try (FakeShopify fake = FakeShopify.builder().products(5).orders(12).start()) {
            MutableClock clock = fake.clock();
            fake.bulkRunsForPolls(4);
            ShopifyConnectorProvider provider = new ShopifyConnectorProvider();
            ConnectorContext context = ConnectorContext.of(clock, http);

            ReadNotReadyException first;
            try (Connector connector = provider.open(waitingAtMost(fake, 0), context);
                    RecordStream stream = connector.read(EntityType.ORDERS, SyncCursor.START)) {
                first = catchThrowableOfType(stream::nextPage, ReadNotReadyException.class);
            }
            assertThat(first).as("no in-thread wait: signalled after one status question").isNotNull();
            assertThat(first.reason()).startsWith("Shopify is still preparing the bulk export of orders (RUNNING, 0 "
                    + "objects so far");
            assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(first.resumeWith()).startsWith("gid://shopify/BulkOperation/");
            clock.advance(Duration.ofMinutes(12));

            ReadNotReadyException second;
            try (Connector connector = provider.open(waitingAtMost(fake, 0), context);
                    RecordStream stream = connector.continueRead(EntityType.ORDERS, first.resumeWith())) {
                second = catchThrowableOfType(stream::nextPage, ReadNotReadyException.class);
            }
            assertThat(second.resumeWith()).as("the same operation, asked for at the same time")
                    .isEqualTo(first.resumeWith());
            assertThat(second.retryAfter()).as("a quarter of the 12 minutes it has run").isEqualTo(Duration.ofMinutes(3));
            assertThat(second.reason()).endsWith("asked for 12 min ago).");

            List<RecordPage> pages = new ArrayList<>();
            try (Connector connector = provider.open(waitingAtMost(fake, 5), context);
                    RecordStream stream = connector.continueRead(EntityType.ORDERS, second.resumeWith())) {
                for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                    pages.add(page.get());
                }
                assertThat(stream.notices()).isEmpty();
            }
            assertThat(pages.stream().mapToInt(p -> p.records().size()).sum()).isEqualTo(12);
            assertThat(fake.requests(BULK)).as("one export for all three reads").hasSize(1);
            assertThat(fake.requests("TributaryOrders")).as("no paged read").isEmpty();
            assertThat(pages.get(pages.size() - 1).cursorAfter().modifiedAt()).as("the export's creation time")
                    .isEqualTo(clock.instant().minus(Duration.ofMinutes(12)));
        }
    }

    @Test
    void anExportThatRunsPastThreeHoursAcrossRunsIsGivenUpForPages() {
        try (FakeShopify fake = FakeShopify.builder().products(5).orders(12).start()) {
            MutableClock clock = fake.clock();
            fake.holdBulk(true);
            ShopifyConnectorProvider provider = new ShopifyConnectorProvider();
            ConnectorContext context = ConnectorContext.of(clock, http);
            ReadNotReadyException waiting;
            try (Connector connector = provider.open(waitingAtMost(fake, 1), context);
                    RecordStream stream = connector.read(EntityType.ORDERS, SyncCursor.START)) {
                waiting = catchThrowableOfType(stream::nextPage, ReadNotReadyException.class);
            }
            assertThat(waiting).isNotNull();
            clock.advance(ShopifyBulkStream.LONGEST_WAIT);

            int read = 0;
            try (Connector connector = provider.open(waitingAtMost(fake, 1), context);
                    RecordStream stream = connector.continueRead(EntityType.ORDERS, waiting.resumeWith())) {
                for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                    read += page.get().records().size();
                }
                assertThat(stream.notices()).containsExactly("Shopify's bulk export of orders did not finish within "
                        + "3 h; orders were read page by page instead.");
            }
            assertThat(read).isEqualTo(12);
            assertThat(fake.requests(BULK)).hasSize(1);
        }
    }

    @Test
    void aResumeNamingAnotherEntitysExportStartsANewOne() {
        try (FakeShopify fake = FakeShopify.builder().products(5).orders(12).start()) {
            ConnectorContext context = ConnectorContext.of(fake.clock(), http);
            fake.holdBulk(true);
            ShopifyConnectorProvider provider = new ShopifyConnectorProvider();
            ReadNotReadyException products;
            try (Connector connector = provider.open(waitingAtMost(fake, 0), context);
                    RecordStream stream = connector.read(EntityType.PRODUCTS, SyncCursor.START)) {
                products = catchThrowableOfType(stream::nextPage, ReadNotReadyException.class);
            }
            fake.holdBulk(false);
            int read = 0;
            try (Connector connector = provider.open(waitingAtMost(fake, 5), context);
                    RecordStream stream = connector.continueRead(EntityType.ORDERS, products.resumeWith())) {
                for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                    read += page.get().records().size();
                }
            }
            assertThat(read).as("the orders, not the products' export").isEqualTo(12);
            assertThat(fake.requests(BULK)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void theEngineClosesAWaitingRunWithoutFailureAndTheNextRunReadsTheSameExport(TestDatabase.Backend backend) {
        try (SyncFixture f = new SyncFixture(backend);
                FakeShopify fake = FakeShopify.builder().products(5).orders(30).start()) {
            long id = f.connect(waitingAtMost(fake, 0));
            fake.bulkDuration(Duration.ZERO);
            assertThat(f.sync(id, EntityType.ORDERS).outcome()).as("an export ready at the first question")
                    .isEqualTo(SyncRun.Outcome.SUCCEEDED);
            Map<String, String> before = statuses(f, id);
            fake.orders().forEach(o -> fake.restatus(o.id(), "REFUNDED", "FULFILLED"));
            fake.holdBulk(true);

            SyncRun waiting = f.fullSync(id, EntityType.ORDERS);
            SyncRun stillWaiting = f.fullSync(id, EntityType.ORDERS);

            for (SyncRun run : List.of(waiting, stillWaiting)) {
                assertThat(run.outcome()).as(run.errorMessage()).isEqualTo(SyncRun.Outcome.WAITING);
                assertThat(run.errorMessage()).isNull();
                assertThat(run.readCount()).isZero();
                assertThat(run.retryAt()).as("a second after the run asked, up to the whole second").isBetween(
                        run.finishedAt(), run.finishedAt().plusSeconds(2));
                assertThat(run.notes()).singleElement().asString().startsWith("Waiting: Shopify is still preparing "
                        + "the bulk export of orders (RUNNING").endsWith("Nothing was stored; the read looks again at "
                        + run.retryAt() + ".");
            }
            assertThat(stillWaiting.readBeganAt()).as("the read began with the first run").isEqualTo(
                    waiting.startedAt());
            assertThat(stillWaiting.resumeWith()).isEqualTo(waiting.resumeWith());
            assertThat(TestRows.count(f.store, "SELECT consecutive_failures FROM connection WHERE id = " + id))
                    .as("waiting is no failure").isZero();
            assertThat(statuses(f, id)).as("nothing stored").isEqualTo(before);

            fake.holdBulk(false);
            SyncRun done = f.fullSync(id, EntityType.ORDERS);

            assertThat(done.outcome()).as(done.errorMessage()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(done.readBeganAt()).isEqualTo(waiting.startedAt());
            assertThat(done.updatedCount()).isEqualTo(30);
            assertThat(new java.util.HashSet<>(statuses(f, id).values())).as("as the shop has them now")
                    .containsExactlyInAnyOrder("refunded", "cancelled");
            assertThat(fake.requests(BULK)).as("the first sync's export and one for the full read").hasSize(2);

            SyncRun again = f.fullSync(id, EntityType.ORDERS);
            assertThat(again.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(fake.requests(BULK)).as("a read after a finished one starts anew").hasSize(3);
        }
    }

    private static Map<String, String> statuses(SyncFixture f, long id) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        f.storedOrders(id).forEach((externalId, order) -> statuses.put(externalId, order.status()));
        return statuses;
    }
}
