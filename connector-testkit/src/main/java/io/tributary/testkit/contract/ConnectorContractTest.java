package io.tributary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.ConnectorRegistry;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.ProductRecord;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.http.FakeHttpServer;
import io.tributary.testkit.http.FakeResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, run against its system's fake over real sockets: verify tells OK, bad
 * credentials, an unreachable URL, a URL that is not this system, a certificate it cannot trust, a server too slow
 * to answer, a rate limit and a server error apart (the last three made by the fake's fault knobs); a full read delivers every record
 * with exact amounts and a cursor that only moves forward; a read from the last cursor delivers exactly what
 * changed; reading again from the same cursor delivers nothing new (or only what the system declares it re-reads
 * by design, see {@link ContractShop#rereadFrom}); an entity the connector does not declare is refused. Extend it
 * in the connector's module.
 */
public abstract class ConnectorContractTest {
    /** Enough armed faults to outlast every retry a verification makes. */
    private static final int EVERY_ATTEMPT = 100;

    private Verifier verifier;
    private ContractShop shop;

    /** The connector under test. */
    protected abstract ConnectorProvider provider();

    /** Starts a fresh fake shop for one test. */
    protected abstract ContractShop startShop();

    @BeforeEach
    void openShop() {
        verifier = new Verifier(provider());
        shop = startShop();
    }

    @AfterEach
    void closeShop() {
        shop.close();
        verifier.close();
    }

    private Connector open(ConnectionSettings settings) {
        return verifier.open(settings);
    }

    private VerificationResult verify(ConnectionSettings settings) {
        return verifier.verify(settings);
    }

    @Test
    void isFoundThroughItsServiceLoaderEntry() {
        assertThat(ConnectorRegistry.load().require(provider().systemId())).isInstanceOf(provider().getClass());
        assertThat(provider().validate(shop.settings())).isEmpty();
    }

    @Test
    void verifiesGoodCredentials() {
        VerificationResult result = verify(shop.settings());
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.kind()).isEqualTo(FailureKind.OK);
        assertThat(result.latencyMs()).isNotNegative();
    }

    @Test
    void namesBadCredentials() {
        VerificationResult result = verify(shop.withBadCredentials());
        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        // the working secrets must not show either, whatever the connector tried with the wrong ones
        assertNoSecretIn(result.message() + result.details());
    }

    @Test
    void namesAnUnreachableUrl() {
        VerificationResult result = verify(shop.atUrl(URI.create("http://127.0.0.1:1/")));
        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.UNREACHABLE);
    }

    @Test
    void namesAUrlThatIsNotThisSystem() {
        String page = "<!DOCTYPE html><html><head><title>Welcome</title></head><body>Hello</body></html>";
        try (FakeHttpServer other = FakeHttpServer.start(request ->
                FakeResponse.text(200, "text/html; charset=UTF-8", page))) {
            VerificationResult result = verify(shop.atUrl(other.baseUrl()));
            assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        }
    }

    @Test
    void namesACertificateItCannotTrust() {
        try (FakeHttpServer selfSigned = FakeHttpServer.startWithUntrustedCertificate(request ->
                FakeResponse.json(200, "{}"))) {
            VerificationResult result = verify(shop.atUrl(selfSigned.baseUrl()));
            assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.TLS);
            assertThat(selfSigned.requests().all()).as("no request gets past the handshake").isEmpty();
        }
    }

    @Test
    void namesAServerTooSlowToAnswer() {
        shop.faults().slow(Verifier.BUDGET.multipliedBy(2), EVERY_ATTEMPT);
        VerificationResult result = verify(shop.settings());
        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Duration.ofMillis(result.latencyMs())).as("verify gives up when its budget is spent")
                .isLessThan(Verifier.BUDGET.multipliedBy(7).dividedBy(4));
    }

    @Test
    void namesARateLimit() {
        shop.faults().status(429, Duration.ofSeconds(30), EVERY_ATTEMPT);
        VerificationResult result = verify(shop.settings());
        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(result.httpStatus()).isEqualTo(429);
    }

    @Test
    void namesAServerError() {
        shop.faults().status(500, null, EVERY_ATTEMPT);
        VerificationResult result = verify(shop.settings());
        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(result.httpStatus()).isEqualTo(500);
    }

    @Test
    void readsEveryProductAndOrderWithExactAmounts() {
        if (provider().supportedEntities().contains(EntityType.PRODUCTS)) {
            Read products = readAll(EntityType.PRODUCTS, SyncCursor.START);
            assertThat(products.amounts()).containsExactlyInAnyOrderEntriesOf(shop.productPrices());
        }
        if (provider().supportedEntities().contains(EntityType.ORDERS)) {
            Read orders = readAll(EntityType.ORDERS, SyncCursor.START);
            assertThat(orders.amounts()).containsExactlyInAnyOrderEntriesOf(shop.orderTotals());
        }
    }

    @Test
    void readsOnlyWhatChangedSinceTheCursorAndNothingTwice() {
        for (EntityType entity : provider().supportedEntities()) {
            if (entity == EntityType.CUSTOMERS) {
                continue; // a system may only read its customers whole (WooCommerce); its own tests say how it reads
            }
            Read full = readAll(entity, SyncCursor.START);
            Map<String, String> edited = entity == EntityType.PRODUCTS ? shop.editProducts(3) : shop.editOrders(3);

            Read incremental = readAll(entity, full.cursor());
            Set<String> reread = shop.rereadFrom(entity, full.cursor());
            assertThat(incremental.amounts()).as(entity + " read from the cursor")
                    .containsAllEntriesOf(edited)
                    // edited products bring their variations; declared re-reads come on top
                    .hasSizeLessThanOrEqualTo(edited.size() * 5 + reread.size());
            assertThat(incremental.cursor()).isGreaterThan(full.cursor());

            Read again = readAll(entity, incremental.cursor());
            assertThat(again.amounts().keySet()).as(entity + " read again from the newest cursor: nothing but the "
                    + "declared re-reads").isSubsetOf(shop.rereadFrom(entity, incremental.cursor()));
        }
    }

    @Test
    void refusesEntitiesItDoesNotProvide() {
        for (EntityType entity : EntityType.values()) {
            if (provider().supportedEntities().contains(entity)) {
                continue;
            }
            try (Connector connector = open(shop.settings())) {
                assertThatThrownBy(() -> connector.read(entity, SyncCursor.START))
                        .as(entity + " is not declared, so it is refused, never faked as empty")
                        .isInstanceOf(UnsupportedEntityException.class);
            }
        }
    }

    /** What one read delivered: amounts by external id, and the last page's cursor. */
    protected record Read(Map<String, String> amounts, SyncCursor cursor, int pages) {}

    protected Read readAll(EntityType entity, SyncCursor from) {
        Map<String, String> amounts = new HashMap<>();
        SyncCursor cursor = from;
        List<SyncCursor> cursors = new ArrayList<>();
        int pages = 0;
        try (Connector connector = open(shop.settings()); RecordStream stream = connector.read(entity, from)) {
            for (Optional<RecordPage> page = stream.nextPage(); page.isPresent(); page = stream.nextPage()) {
                pages++;
                for (SourceRecord record : page.get().records()) {
                    amounts.put(record.externalId(), amountOf(record));
                }
                cursors.add(page.get().cursorAfter());
                assertThat(page.get().cursorAfter()).as("cursors never move back").isGreaterThanOrEqualTo(cursor);
                cursor = page.get().cursorAfter();
            }
        }
        return new Read(amounts, cursor, pages);
    }

    private static String amountOf(SourceRecord record) {
        if (record instanceof ProductRecord product) {
            return product.price() == null ? "" : product.price().toPlainString();
        }
        if (record instanceof io.tributary.spi.CustomerRecord customer) {
            return customer.email() == null ? "" : customer.email(); // a customer has no amount: its e-mail stands in
        }
        OrderRecord order = (OrderRecord) record;
        return order.total() == null ? "" : order.total().toPlainString();
    }

    private void assertNoSecretIn(String text) {
        shop.settings().secrets().values().forEach(secret ->
                assertThat(secret.occursIn(text)).as("a secret appears in: " + text).isFalse());
    }
}
