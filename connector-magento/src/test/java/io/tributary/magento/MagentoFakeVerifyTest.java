package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.magento.FakeMagento;
import io.tributary.testkit.magento.MagentoIntegration;
import io.tributary.testkit.magento.TwoFactorMode;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify connection against the fake's Magento rules, in every auth mode, with the sentences admins see. */
class MagentoFakeVerifyTest {
    private static final String TOKEN = "/rest/V1/integration/admin/token";

    private HttpStack http;
    private FakeMagento fake;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeMagento.builder().products(20).orders(15).seed(11).start();
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private VerificationResult verify(URI url, MagentoAuthMode mode, MagentoIntegration keys, String user, String pw) {
        ConnectionSettings settings = FakeMagentoShop.settings(url, mode, keys, user, pw);
        VerificationResult result = new MagentoConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http)).verify();
        String shown = result.message() + result.details();
        settings.secrets().values().forEach(s -> assertThat(s.occursIn(shown)).as(shown).isFalse());
        return result;
    }

    private VerificationResult verify(MagentoAuthMode mode) {
        return verify(fake.apiUrl(), mode, fake.integration(), fake.adminUsername(), fake.adminPassword());
    }

    @Test
    void everyModeVerifiesAndLearnsTheStoreView() {
        VerificationResult integration = verify(MagentoAuthMode.INTEGRATION);
        assertThat(integration.ok()).as(integration.message()).isTrue();
        assertThat(integration.details()).containsEntry("storeCode", "default").containsEntry("baseCurrency", "EUR")
                .containsEntry("timezone", "Europe/Paris").containsEntry("locale", "fr_FR")
                .containsEntry("storeName", "Café Lumière").containsEntry("authMode", "integration")
                .containsEntry("products", Integer.toString(fake.productIds().size()))
                .containsEntry("orders", "15");
        assertThat(integration.message()).isEqualTo("Connected to Magento store view Café Lumière (default, EUR, "
                + "Europe/Paris) at " + fake.apiUrl() + ": the integration (OAuth 1.0a) can read products and orders ("
                + fake.productIds().size() + " products, 15 orders). It may also comment on orders, so status changes "
                + "made here reach the shop.");
        assertThat(integration.httpStatus()).isEqualTo(200);
        assertThat(integration.details()).as("customer accounts may be read").containsKey("customers")
                .doesNotContainKey("canReadCustomers");

        VerificationResult admin = verify(MagentoAuthMode.ADMIN);
        assertThat(admin.ok()).as(admin.message()).isTrue();
        assertThat(admin.details()).containsKey("adminTokenValidUntil");
        assertThat(fake.requests().matching(TOKEN)).hasSize(1);

        fake.bearerIntegrationTokens(true);
        VerificationResult bearer = verify(MagentoAuthMode.BEARER);
        assertThat(bearer.ok()).as(bearer.message()).isTrue();

        VerificationResult german = verify(fake.apiUrl("de"), MagentoAuthMode.INTEGRATION, fake.integration(), null, null);
        assertThat(german.details()).containsEntry("storeCode", "de").containsEntry("locale", "de_DE")
                .containsEntry("storeName", "Café Lumière Deutschland");
        VerificationResult indexPhp = verify(fake.indexPhpApiUrl(), MagentoAuthMode.INTEGRATION, fake.integration(),
                null, null);
        assertThat(indexPhp.ok()).as(indexPhp.message()).isTrue();
    }

    @Test
    void aBearerTokenTheShopDoesNotAcceptNamesMagentosThreeCauses() {
        VerificationResult result = verify(MagentoAuthMode.BEARER);
        assertThat(result.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).startsWith("Magento refused the access token while reading the store "
                + "configuration, products and orders (\"The consumer isn't authorized to access Magento_Backend::stores, "
                + "Magento_Catalog::products, Magento_Sales::actions_view.\"). Magento answers this for three causes:")
                .contains("the token is wrong").contains("off by default since Magento 2.4.4")
                .contains("or the integration lacks the resource");
    }

    @Test
    void aReadRefusedForOneEntityIsForbiddenNamingTheResource() {
        MagentoIntegration catalogOnly = fake.addIntegration(Set.of(FakeMagento.STORES_RESOURCE,
                FakeMagento.PRODUCTS_RESOURCE));
        VerificationResult result = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, catalogOnly, null, null);
        assertThat(result.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(result.message()).isEqualTo("Magento does not let this integration read orders: it lacks the "
                + "resource Magento_Sales::actions_view (System > Extensions > Integrations > Edit > API), or it is not "
                + "active.");
        assertThat(result.details()).containsEntry("products", Integer.toString(fake.productIds().size()));

        fake.addAdmin("catalog-only", "Pa55word!", Set.of(FakeMagento.PRODUCTS_RESOURCE));
        VerificationResult admin = verify(fake.apiUrl(), MagentoAuthMode.ADMIN, null, "catalog-only", "Pa55word!");
        assertThat(admin.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(admin.message()).contains("Magento does not let this admin user read orders: its role lacks the "
                + "resource Magento_Sales::actions_view");

        MagentoIntegration noStores = fake.addIntegration(Set.of(FakeMagento.PRODUCTS_RESOURCE,
                FakeMagento.ORDERS_RESOURCE));
        VerificationResult withoutStores = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, noStores, null, null);
        assertThat(withoutStores.ok()).as(withoutStores.message()).isTrue();
        assertThat(withoutStores.message()).endsWith("It may not read the store configuration (Magento_Backend::stores), "
                + "so product prices are stored without a currency.");

        MagentoIntegration noCustomers = fake.addIntegration(Set.of(FakeMagento.STORES_RESOURCE,
                FakeMagento.PRODUCTS_RESOURCE, FakeMagento.ORDERS_RESOURCE));
        VerificationResult withoutCustomers = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, noCustomers, null, null);
        assertThat(withoutCustomers.ok()).as("products and orders are what a connection is for").isTrue();
        assertThat(withoutCustomers.details()).containsEntry("canReadCustomers", "false")
                .containsEntry("customersResource", "Magento_Customer::customer");
        assertThat(withoutCustomers.message()).contains("It may not read customer accounts (Magento_Customer::customer), "
                + "so a customers sync would fail: give it that resource before switching that schedule on.");

        VerificationResult inactive = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, fake.addInactiveIntegration(),
                null, null);
        assertThat(inactive.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(inactive.message()).contains("the integration is not active");
    }

    @Test
    void oauthFailuresAreNamed() {
        MagentoIntegration keys = fake.integration();
        VerificationResult signature = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, new MagentoIntegration(
                keys.consumerKey(), "x".repeat(32), keys.accessToken(), keys.accessTokenSecret()), null, null);
        assertThat(signature.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(signature.message()).startsWith("Magento rejected the OAuth signature (\"The signature is invalid. "
                + "Verify and try again.\"): check the consumer secret and the access token secret");
        VerificationResult unknown = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, new MagentoIntegration(
                "k".repeat(32), keys.consumerSecret(), keys.accessToken(), keys.accessTokenSecret()), null, null);
        assertThat(unknown.message()).startsWith("Magento does not know this consumer key");
        VerificationResult token = verify(fake.apiUrl(), MagentoAuthMode.INTEGRATION, new MagentoIntegration(
                keys.consumerKey(), keys.consumerSecret(), "t".repeat(32), keys.accessTokenSecret()), null, null);
        assertThat(token.message()).startsWith("Magento refused the access token (\"Specified token does not exist\")");
    }

    @Test
    void aRefusedPasswordIsTriedOnceAndTheLockoutIsExplained() {
        VerificationResult wrong = verify(fake.apiUrl(), MagentoAuthMode.ADMIN, null, fake.adminUsername(), "nope");
        assertThat(wrong.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(wrong.message()).isEqualTo("Magento refused the admin user name or password (\"The account sign-in "
                + "was incorrect or your account is disabled temporarily. Please wait and try again later.\"). Either "
                + "they are wrong, or the account is locked after too many failed sign-ins (6 by default, for 30 "
                + "minutes): Magento answers both the same way. Tributary never repeats a refused sign-in, so it adds no "
                + "failures of its own; check the user name and password, or wait for the lock to end.");
        assertThat(fake.requests().matching(TOKEN)).hasSize(1);
        assertThat(fake.adminFailures(fake.adminUsername())).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            verify(fake.apiUrl(), MagentoAuthMode.ADMIN, null, fake.adminUsername(), "nope");
        }
        VerificationResult locked = verify(MagentoAuthMode.ADMIN);
        assertThat(locked.kind()).as("locked: even the right password fails").isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(locked.message()).contains("the account is locked after too many failed sign-ins");
        assertThat(fake.requests().matching(TOKEN)).hasSize(7);
    }

    @Test
    void twoFactorAuthenticationIsSaidInPlainWordsAndAnIntegrationRecommended() {
        fake.twoFactor(TwoFactorMode.REQUIRED);
        VerificationResult required = verify(MagentoAuthMode.ADMIN);
        assertThat(required.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(required.message()).startsWith("The admin user name and password are right, but Magento requires "
                + "two-factor authentication to issue an admin token (\"Please use the 2fa provider-specific endpoints "
                + "to obtain a token.\"), and an unattended sync cannot type a one-time code. Use an integration instead")
                .contains("auth-mode integration");
        fake.twoFactor(TwoFactorMode.NOT_CONFIGURED);
        assertThat(verify(MagentoAuthMode.ADMIN).message()).contains("configure 2FA first").contains("Use an integration");
    }

    @Test
    void aWrongStoreCodeOrAnotherSiteIsNotThisSystem() {
        VerificationResult store = verify(fake.apiUrl("nowhere"), MagentoAuthMode.INTEGRATION, fake.integration(), null,
                null);
        assertThat(store.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(store.httpStatus()).isEqualTo(404);
        assertThat(store.message()).contains("(\"Request does not match any route.\")")
                .contains("and that 'nowhere' is the code of one of the shop's store views");

        fake.htmlEverywhere(true);
        VerificationResult html = verify(MagentoAuthMode.ADMIN);
        assertThat(html.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(html.message()).contains("HTML page").contains("Sign in to continue");
    }
}
