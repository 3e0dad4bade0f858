package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.shopify.FakeShopify;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every verify kind against the fake shop, over real sockets, in both auth modes. */
class ShopifyFakeVerifyTest {
    private final HttpStack http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
    private final FakeShopify fake = FakeShopify.builder().products(12).orders(30).start();

    @AfterEach
    void close() {
        fake.close();
        http.close();
    }

    private VerificationResult verify(ConnectionSettings settings) {
        return verify(settings, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
    }

    private VerificationResult verify(ConnectionSettings settings, Clock clock) {
        try (Connector connector = new ShopifyConnectorProvider().open(settings, ConnectorContext.of(clock, http))) {
            return connector.verify();
        }
    }

    @Test
    void aWorkingTokenReportsTheShopAndItsCounts() {
        VerificationResult result = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token()));

        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.OK);
        assertThat(result.message()).isEqualTo("Connected to Shopify shop Café Lumière (cafe-lumiere.myshopify.com, EUR, "
                + "Europe/Paris, plan Grow) with API 2026-10: the access token can read products and orders "
                + "(12 products, 30 orders).");
        assertThat(result.details()).containsEntry("currency", "EUR").containsEntry("timezone", "Europe/Paris")
                .containsEntry("plan", "Grow").containsEntry("products", "12").containsEntry("orders", "30")
                .containsEntry("authMode", "token").containsEntry("restoreRate", "100").doesNotContainKey("warning");
        assertThat(fake.requests()).extracting(r -> r.operation()).containsExactly("TributaryProbe", "TributaryCounts");
        assertThat(fake.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/admin/api/2026-10/graphql.json");
            assertThat(r.accessToken()).isEqualTo(fake.token());
        });
    }

    @Test
    void aDevDashboardAppMintsOneTokenAndSaysUntilWhenItIsValid() {
        VerificationResult result = verify(FakeShopifyShop.app(fake.shopUrl(), fake.clientId(), fake.clientSecret()));

        assertThat(result.kind()).as(result.message()).isEqualTo(FailureKind.OK);
        assertThat(result.message()).contains("the app (client credentials) can read products and orders");
        assertThat(fake.tokensIssued()).isEqualTo(1);
        assertThat(result.details()).containsEntry("authMode", "client-credentials")
                .containsEntry("tokenValidUntil", "2026-12-04T09:59:59Z");
        assertThat(fake.requests("/admin/oauth/access_token")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("grant_type=client_credentials")
                        .contains("client_id=" + fake.clientId()));
    }

    @Test
    void aWrongTokenOrSecretIsBadCredentialsAndARefusedSecretIsSentOnce() {
        VerificationResult token = verify(FakeShopifyShop.token(fake.shopUrl(), "shpat_" + "0".repeat(32)));
        assertThat(token.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(token.httpStatus()).isEqualTo(401);
        assertThat(token.message()).startsWith("Shopify refused the access token while reading the shop (HTTP 401, "
                + "\"[API] Invalid API key or access token (unrecognized login or wrong password)\")");

        fake.clearRequests();
        String wrong = "shpss_" + "1".repeat(32);
        VerificationResult app = verify(FakeShopifyShop.app(fake.shopUrl(), fake.clientId(), wrong));
        assertThat(app.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(app.message()).startsWith("Shopify refused the client ID or client secret (HTTP 401: invalid_client, "
                + "\"Client authentication failed.\")").doesNotContain(wrong).doesNotContain(fake.clientId());
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void missingScopesAreForbiddenNamingEachAndWhatItCosts() {
        String token = fake.tokenWithScopes(Set.of("read_products"));

        VerificationResult result = verify(FakeShopifyShop.token(fake.shopUrl(), token));

        assertThat(result.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(result.message()).startsWith("The app's access lacks read_orders, read_all_orders: without "
                + "read_orders no order can be read; without read_all_orders only orders of the last 60 days can be "
                + "read, older ones stay invisible.");
        assertThat(result.details()).containsEntry("scopes", "read_products").containsEntry("shop", "Café Lumière");

        fake.appScopes(Set.of("read_products", "read_orders"));
        VerificationResult app = verify(FakeShopifyShop.app(fake.shopUrl(), fake.clientId(), fake.clientSecret()));
        assertThat(app.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(app.message()).startsWith("The app's access lacks read_all_orders: without read_all_orders only "
                + "orders of the last 60 days can be read");
    }

    @Test
    void anEmptyCostBucketIsRateLimitedWithoutWaiting() {
        fake.throttle(1000, 1);
        fake.drainBucket();

        long start = System.nanoTime();
        VerificationResult result = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token()));

        assertThat(result.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(result.message()).startsWith("Shopify throttled reading the shop (0 of 1000 points left, 1 restored "
                + "per second): other requests of this app use up the shop's rate limit; try again in about 2 s.");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aFrozenShopIsForbiddenAndAnUnknownPathIsNotThisSystem() {
        fake.frozen(true);
        VerificationResult frozen = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token()));
        assertThat(frozen.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(frozen.message()).startsWith("The shop " + fake.shopUrl().toString().replaceAll("/$", "")
                + " is frozen (HTTP 402, \"Unavailable Shop\")");

        fake.frozen(false);
        fake.faults().status("TributaryProbe", 1, 404, "{\"errors\":\"Not Found\"}");
        VerificationResult missing = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token()));
        assertThat(missing.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(missing.message()).contains("answered HTTP 404: no Shopify shop answers at");
    }

    @Test
    void warnsWhenThePinnedVersionNearsTheEndOfSupportOrIsNoLongerServed() {
        ConnectionSettings pinned = FakeShopifyShop.token(fake.shopUrl(), fake.token()).withOption("api-version", "2026-01");
        VerificationResult nearing = verify(pinned);
        assertThat(nearing.ok()).isTrue();
        assertThat(nearing.details().get("warning")).isEqualTo("Shopify's support for API version 2026-01 ends on "
                + "2027-01-01: set --credential api-version= to a newer one (this connector was built against 2026-10).");

        VerificationResult old = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token())
                .withOption("api-version", "2025-07"));
        assertThat(old.ok()).isTrue();
        assertThat(old.message()).endsWith("Shopify answered with API version 2026-01 instead of 2025-07, which it no "
                + "longer supports: set --credential api-version=2026-01 or newer.");
        assertThat(old.details()).containsAllEntriesOf(Map.of("servedApiVersion", "2026-01", "apiVersion", "2025-07"));
    }

    @Test
    void aFailingShopIsServerErrorASlowOneTimeoutAndHttpsOnAPlainPortTls() {
        fake.faults().status("TributaryProbe", 1, 503, "{\"errors\":\"Service Unavailable\"}");
        VerificationResult failing = verify(FakeShopifyShop.token(fake.shopUrl(), fake.token()));
        assertThat(failing.kind()).as(failing.message()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failing.httpStatus()).isEqualTo(503);

        fake.faults().slow("TributaryProbe", 1, Duration.ofSeconds(3));
        VerificationResult slow;
        try (HttpStack impatient = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000)
                .verificationBudget(Duration.ofSeconds(1)).build());
                Connector connector = new ShopifyConnectorProvider().open(FakeShopifyShop.token(fake.shopUrl(),
                        fake.token()), ConnectorContext.of(Clock.systemUTC(), impatient))) {
            slow = connector.verify();
        }
        assertThat(slow.kind()).as(slow.message()).isEqualTo(FailureKind.TIMEOUT);

        try (PlainAnswer plain = new PlainAnswer()) {
            VerificationResult tls = verify(FakeShopifyShop.token(URI.create("https://127.0.0.1:" + plain.port()),
                    fake.token()));
            assertThat(tls.kind()).as(tls.message()).isEqualTo(FailureKind.TLS);
        }
    }

    /** A port that answers every connection at once in plain HTTP, as a server without TLS on it does. */
    private static final class PlainAnswer implements AutoCloseable {
        private final java.net.ServerSocket socket;

        PlainAnswer() {
            try {
                socket = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept()) {
                        client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (java.io.IOException closed) {
                        // the test is over
                    }
                }
            }, "plain-answer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing a listening socket
            }
        }
    }
}
