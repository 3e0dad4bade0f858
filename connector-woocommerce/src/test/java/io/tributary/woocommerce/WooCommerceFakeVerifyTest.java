package io.tributary.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import io.tributary.testkit.woocommerce.WooUserRole;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify connection against the fake shop's WooCommerce auth rules, in every auth mode. */
class WooCommerceFakeVerifyTest {
    private static final String READ_ONLY_KEY = "ck_" + "a".repeat(40);
    private static final String WRITE_ONLY_KEY = "ck_" + "b".repeat(40);
    private static final String CUSTOMER_KEY = "ck_" + "c".repeat(40);
    private static final String SECRET = "cs_" + "d".repeat(40);

    private HttpStack http;
    private FakeWooCommerce fake;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeWooCommerce.builder().products(30).orders(30).seed(11).start();
        fake.addKey(READ_ONLY_KEY, SECRET, KeyPermission.READ, false);
        fake.addKey(WRITE_ONLY_KEY, SECRET, KeyPermission.WRITE, true);
        fake.addKey(CUSTOMER_KEY, SECRET, KeyPermission.READ_WRITE, false);
        fake.userRole(CUSTOMER_KEY, WooUserRole.CUSTOMER);
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private VerificationResult verify(String key, String secret, String mode) {
        ConnectionSettings settings = FakeWooCommerceShop.settings(fake.siteUrl(), key, secret,
                mode == null ? Map.of() : Map.of(WooCommerceAuthMode.FIELD, mode));
        VerificationResult result = new WooCommerceConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http)).verify();
        assertThat(result.message() + result.details()).doesNotContain(secret).doesNotContain(key);
        return result;
    }

    @Test
    void oauthOverHttpLearnsVersionCurrencyAndCounts() {
        VerificationResult result = verify(fake.consumerKey(), fake.consumerSecret(), null);
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("authMode", "oauth1").containsEntry("products", "30")
                .containsEntry("orders", "30").containsEntry("modifiedAfterSupported", "true")
                .containsEntry("wooCommerceVersion", fake.wooVersion()).containsKey("currency");
        assertThat(result.message()).startsWith("Connected to WooCommerce " + fake.wooVersion() + " at " + fake.siteUrl());
    }

    @Test
    void basicAndQueryWorkWhereTheSiteSeesHttps() {
        fake.ssl(true);
        assertThat(verify(fake.consumerKey(), fake.consumerSecret(), "basic").ok()).isTrue();
        assertThat(verify(fake.consumerKey(), fake.consumerSecret(), "query").ok()).isTrue();

        fake.stripAuthorizationHeader(true);
        VerificationResult stripped = verify(fake.consumerKey(), fake.consumerSecret(), "basic");
        assertThat(stripped.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(stripped.message()).contains("treated the request as anonymous");
        assertThat(verify(fake.consumerKey(), fake.consumerSecret(), "query").ok()).isTrue();

        fake.stripAuthorizationHeader(false);
        VerificationResult wrongSecret = verify(fake.consumerKey(), SECRET, "basic");
        assertThat(wrongSecret.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(wrongSecret.message()).isEqualTo("WooCommerce rejected the consumer secret: it does not belong to "
                + "this consumer key.");
        VerificationResult unknownKey = verify("ck_" + "9".repeat(40), SECRET, "basic");
        assertThat(unknownKey.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(unknownKey.message()).contains("the consumer key is unknown or revoked");
    }

    @Test
    void basicWhereTheSiteDoesNotSeeHttpsIsExplained() {
        VerificationResult result = verify(fake.consumerKey(), fake.consumerSecret(), "basic");
        assertThat(result.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(result.message()).contains("does not see the request as https");
    }

    @Test
    void oauthFailuresAreNamed() {
        assertThat(verify("ck_" + "9".repeat(40), SECRET, null).message())
                .isEqualTo("WooCommerce does not know this consumer key: it was revoked or belongs to another site.");
        assertThat(verify(fake.consumerKey(), SECRET, null).message()).startsWith("WooCommerce rejected the OAuth signature");
    }

    @Test
    void permissionsAreForbiddenNotBadCredentials() {
        VerificationResult writeOnly = verify(WRITE_ONLY_KEY, SECRET, null);
        assertThat(writeOnly.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(writeOnly.message()).contains("Read or Read/Write");

        VerificationResult customer = verify(CUSTOMER_KEY, SECRET, null);
        assertThat(customer.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(customer.httpStatus()).isEqualTo(403);
        assertThat(customer.message()).contains("Shop manager");

        VerificationResult readOnlyNonManager = verify(READ_ONLY_KEY, SECRET, null);
        assertThat(readOnlyNonManager.ok()).as("reading needs no manager: the version is simply unknown").isTrue();
    }

    @Test
    void anotherSiteOrAnInactiveWooCommerceIsNotThisSystem() {
        fake.wooCommerceInactive(true);
        VerificationResult inactive = verify(fake.consumerKey(), fake.consumerSecret(), null);
        assertThat(inactive.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(inactive.message()).contains("is WooCommerce active");

        fake.wooCommerceInactive(false);
        fake.htmlLoginPage(true);
        VerificationResult login = verify(fake.consumerKey(), fake.consumerSecret(), null);
        assertThat(login.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(login.message()).contains("an HTML page");
    }
}
